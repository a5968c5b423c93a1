/**
 * The page script for exercises: after every finished run of an exercise's example, it loads
 * that exercise's `check.ts` (one lazy chunk per exercise) and shows the verdict in the
 * exercise's status line.
 */
import type { RunResult } from "../ExampleController.ts";
import type { CheckModule } from "./check-types.ts";
import { checkMessage, runCheck } from "./run-check.ts";

const modules = import.meta.glob<CheckModule>("/content/exercises/*/check.ts");

function loaderFor(id: string): (() => Promise<CheckModule>) | null {
  return modules[`/content/exercises/${id}/check.ts`] ?? null;
}

function show(el: HTMLElement, state: string, text: string): void {
  el.dataset.state = state;
  el.textContent = text;
}

function wire(root: HTMLElement): void {
  const id = root.dataset.exercise;
  const status = root.querySelector<HTMLElement>("[data-check-result]");
  if (!id || !status || root.dataset.exerciseAwake) return;
  root.dataset.exerciseAwake = "true";
  const load = loaderFor(id);
  let runs = 0;
  root.addEventListener("example-run-start", () => {
    runs += 1;
    show(status, "pending", "Running: the check follows when the program ends.");
  });
  root.addEventListener("example-run-end", (event) => {
    const run = (event as CustomEvent<RunResult>).detail;
    const mine = runs;
    if (!run.compiled) {
      show(
        status,
        "skipped",
        "Not checked: the program did not compile; see the errors in the output.",
      );
      return;
    }
    if (!load) {
      show(status, "error", `Check unavailable: exercise “${id}” has no check.ts.`);
      return;
    }
    void load().then(
      (mod) => {
        if (mine !== runs) return; // a newer run started meanwhile; its own end will report
        const verdict = runCheck(mod.default, run);
        show(status, verdict.state, checkMessage(verdict));
      },
      () => show(status, "error", "Check unavailable: its code could not be loaded."),
    );
  });
}

for (const root of document.querySelectorAll<HTMLElement>("section[data-exercise]")) wire(root);
