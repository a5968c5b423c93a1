/**
 * Prepares the sandbox before the reader presses Run, without costing a reader who never runs
 * anything: the first time an example comes near the viewport, and whenever the pointer or
 * keyboard focus reaches an example, that example is prepared (`prepare`: the page's sandbox
 * starts, once, and loads the example's precompiled program into its idle worker). Nothing is
 * prepared before an example is near. The sandbox keeps at most one idle worker, so a page never
 * holds more than one idle sandbox, however many examples the reader points at.
 */
import { whenNear } from "./when-near.ts";

/** How near the viewport an example must come: about a screen's worth of scrolling ahead. */
const NEAR = "200px 0px";

export function prewarmSandbox(
  examples: readonly HTMLElement[],
  prepare: (example: HTMLElement) => void,
  /** The pointer or focus reached an example (only then: it is the reader's doing). */
  interacting: () => void = () => {},
): void {
  for (const root of examples) {
    const reached = () => {
      prepare(root);
      interacting();
    };
    root.addEventListener("pointerenter", reached);
    root.addEventListener("focusin", reached);
  }
  whenNear(examples, NEAR, prepare);
}
