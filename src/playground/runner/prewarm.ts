/**
 * Prepares the sandbox before the reader presses Run, without costing a reader who never runs
 * anything: the frame and a spare worker are made once per page, when the first example comes
 * near the viewport or a Run control gets the pointer or keyboard focus, and never before.
 * The frame keeps at most one idle worker, so a page never holds more than one idle sandbox.
 */
import type { RunnerPort } from "../example/runner-port.ts";
import { whenNear } from "./when-near.ts";

/** How near the viewport an example must come: about a screen's worth of scrolling ahead. */
const NEAR = "200px 0px";

export function prewarmSandbox(host: RunnerPort, examples: readonly HTMLElement[]): void {
  let done = false;
  const cleanups: (() => void)[] = [];
  const warm = () => {
    if (done) return;
    done = true;
    for (const c of cleanups) c();
    void host.post({ channel: "*", kind: "warm" });
  };
  for (const root of examples) {
    for (const type of ["pointerenter", "focusin"] as const) {
      root.addEventListener(type, warm);
      cleanups.push(() => root.removeEventListener(type, warm));
    }
  }
  if (typeof IntersectionObserver === "undefined") return;
  cleanups.push(whenNear(examples, NEAR, warm));
}
