import { expect, type Page, test } from "@playwright/test";
import { patience } from "./patience.ts";

/**
 * The case studies' main examples show live figures: at 1× their progress lines stream in
 * while the run goes on (two different ones before the status says Finished), and at Instant
 * the whole run matches CPython's transcript.
 */
const CASES = [
  {
    chapter: "chapters/case-study-load-tester/",
    id: "load-tester",
    progress: /\d\.\ds \d+\/60 failed \d+ [\d.]+ req\/s/,
    last: "0.25-0.30s",
  },
  {
    chapter: "chapters/case-study-crawler/",
    id: "crawl-polite",
    progress: /\d\.\ds \d+ fetched, \d+ queued/,
    last: "10 pages, 1 failed",
  },
] as const;

async function openExample(page: Page, chapter: string, id: string) {
  await page.goto(chapter);
  const ex = page.locator(`section[data-example="${id}"]`);
  await ex.scrollIntoViewIfNeeded();
  return ex;
}

for (const c of CASES) {
  test(`${c.id}: live progress at 1×, then Same as Python at Instant`, async ({ page }) => {
    test.setTimeout(patience(120_000));
    const ex = await openExample(page, c.chapter, c.id);
    const output = ex.getByRole("log", { name: "Output" });
    const progress = output.locator(".out-line").filter({ hasText: c.progress });

    // Live means on screen before the run ended: note the progress lines present at each DOM
    // change until the run's end event. An order of events, not a race against the clock, so
    // it holds however slow the machine is.
    await ex.evaluate((root, pattern) => {
      const re = new RegExp(pattern);
      const seen = { lines: [] as string[], ended: false };
      (window as unknown as { liveProgress: typeof seen }).liveProgress = seen;
      const log = root.querySelector('[role="log"]') as HTMLElement;
      root.addEventListener("example-run-end", () => (seen.ended = true), { once: true });
      new MutationObserver(() => {
        if (!seen.ended)
          seen.lines = [...log.querySelectorAll(".out-line")]
            .map((l) => l.textContent ?? "")
            .filter((t) => re.test(t));
      }).observe(log, { childList: true, subtree: true, characterData: true });
    }, c.progress.source);
    await ex.getByRole("button", { name: "Run", exact: true }).click();
    const live = () =>
      page.evaluate(
        () =>
          (window as unknown as { liveProgress: { lines: string[]; ended: boolean } }).liveProgress,
      );
    await expect.poll(async () => (await live()).ended, { timeout: patience(60_000) }).toBe(true);
    await expect(output).toContainText("Finished");
    expect(await progress.count()).toBeGreaterThanOrEqual(5);
    const { lines } = await live();
    expect(lines.length, "progress lines on screen before the run ended").toBeGreaterThanOrEqual(2);
    // The output's own stamps: the two reports were printed at different times of the run,
    // and say different things.
    const stamp = (line: string) => Number(/^\+(\d+\.\d+)s/.exec(line.trim())?.[1]);
    const [first = "", second = ""] = lines;
    expect(stamp(second)).toBeGreaterThan(stamp(first));
    expect(first.replace(/^\S+/, "")).not.toBe(second.replace(/^\S+/, ""));

    await ex.getByLabel("Speed").selectOption("instant");
    // Wait for this run's end (not the 1× run's status, still on screen when it starts).
    await ex.evaluate(
      (root) =>
        new Promise<void>((resolve) => {
          root.addEventListener("example-run-end", () => resolve(), { once: true });
          root.querySelector<HTMLButtonElement>('[data-action="run"]')?.click();
        }),
    );
    await expect(output).toContainText("Finished");
    await expect(output.locator(".out-line").last()).toContainText(c.last);
    await expect(ex.locator("[data-verdict]")).toHaveText("Same as Python ✓");
  });
}
