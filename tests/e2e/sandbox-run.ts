/**
 * Opens an example with reader code the way a reader gets someone else's code (a share link),
 * runs it, and watches the page while it runs. Shared by the sandbox safety specs.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { encodeShareHash } from "../../src/playground/editor/share-link.ts";
import { PAGE_TASK_CPU_MS, RUN_STARTED_MARK, traceMainThread } from "./main-thread-trace.ts";
import { patience } from "./patience.ts";
import { floodRoundTripBound, machineSlowdown, markRunStart, watchPage } from "./responsiveness.ts";

export const CHAPTER = "chapters/why-async/";
export const ID = "hello-gather";
/** Shared code is compiled in the page by esbuild-wasm: the first compile loads the compiler. */
export const COMPILE = { timeout: patience(90_000) };

export interface SharedExample {
  ex: Locator;
  output: Locator;
  status: Locator;
  run(): Promise<void>;
}

export async function openShared(
  page: Page,
  code: string,
  speed: "1x" | "10x" | "instant" = "instant",
): Promise<SharedExample> {
  await markRunStart(page);
  const ex = page.locator(`section[data-example="${ID}"]`);
  const link = `${CHAPTER}${encodeShareHash(ID, code)}`;
  if (page.url().includes(CHAPTER)) {
    // A page already on the chapter (kept from an earlier test, shared-page.ts): the link will
    // be a hash change. The widget goes back to its own code first, so "shared" below means
    // this link's code; and the same link twice would be no change, so the hash is cleared
    // first (without an event).
    await ex.scrollIntoViewIfNeeded();
    await expect(ex).toHaveAttribute("data-edit-state", /./, COMPILE);
    if ((await ex.getAttribute("data-edit-state")) !== "original")
      await ex.getByRole("button", { name: "Reset" }).click();
    await expect(ex).toHaveAttribute("data-edit-state", "original");
    await page.evaluate(() => history.replaceState(null, "", location.pathname));
  }
  await page.goto(link);
  await ex.scrollIntoViewIfNeeded();
  // The link is decoded after the widget wakes: until then Run would run the example's own code.
  await expect(ex).toHaveAttribute("data-edit-state", "shared", COMPILE);
  await ex.getByLabel("Speed").selectOption(speed);
  const output = ex.getByRole("log", { name: "Output" });
  return {
    ex,
    output,
    status: output.locator(".out-status"),
    run: () => ex.getByRole("button", { name: "Run", exact: true }).click(),
  };
}

/**
 * Runs the shared program while watching the page: the run must end with a status line matching
 * `ending`, the page must answer throughout, and Run must work again afterwards (Reset, then the
 * original example runs to "Finished"). Returns the figures for the report.
 */
export async function runWatched(
  page: Page,
  shared: SharedExample,
  ending: RegExp,
  timeout = 30_000,
  /** Checks on the run's output, before Run is tried again. */
  check: () => Promise<void> = async () => {},
): Promise<{ roundTrip: number; longestCpu: number }> {
  const watch = await watchPage(page);
  const { result: roundTrip, work } = await traceMainThread(
    page,
    async () => {
      await shared.run();
      await expect(shared.status).toHaveText(ending, { timeout });
      return watch.stop();
    },
    RUN_STARTED_MARK,
  );
  const report = `round trip ${roundTrip} ms (bound ${Math.round(floodRoundTripBound())}), longest page task ${work.longestCpu.toFixed(0)} ms CPU (${work.longestWall.toFixed(0)} ms wall) of ${work.tasks}, load ${machineSlowdown().toFixed(1)}× a core`;
  console.log(`${test.info().title}: ${report}`);
  test.info().annotations.push({ type: "responsiveness", description: report });
  expect(roundTrip).toBeLessThan(floodRoundTripBound());
  expect(work.longestCpu).toBeLessThan(PAGE_TASK_CPU_MS);
  await check();
  await runsAgain(shared);
  return { roundTrip, longestCpu: work.longestCpu };
}

/** Reset to the original example and run it at Instant: it finishes as it always does. */
export async function runsAgain(shared: SharedExample): Promise<void> {
  await shared.ex.getByRole("button", { name: "Reset" }).click();
  await shared.ex.getByLabel("Speed").selectOption("instant");
  await shared.run();
  await expect(shared.status).toHaveText("Finished in 2.000s");
}
