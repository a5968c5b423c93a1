/**
 * Time from a click on an example's control to its first output line, measured inside the page
 * (a MutationObserver on the output), then waiting until the run has ended so the next
 * measurement starts from rest. Used by bench/page.ts (Run) and bench/pyodide.ts (Run Python).
 */
import type { Page } from "playwright";

export function clickToFirstLine(
  page: Page,
  id: string,
  action: "run" | "run-python",
): Promise<number> {
  return page.evaluate(
    async ([exampleId, name]) => {
      const section = document.querySelector(`section[data-example="${exampleId}"]`)!;
      const out = section.querySelector("[data-output]")!;
      const button = section.querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;
      const seen = new Promise<number>((resolve) => {
        const obs = new MutationObserver(() => {
          if (out.querySelector(".out-line")) {
            obs.disconnect();
            resolve(performance.now());
          }
        });
        obs.observe(out, { childList: true, subtree: true });
      });
      const t0 = performance.now();
      button.click();
      const t1 = await seen;
      await new Promise<void>((r) => {
        const poll = () => (out.querySelector(".out-status") ? r() : setTimeout(poll, 5));
        poll();
      });
      return t1 - t0;
    },
    [id, action] as const,
  );
}
