/**
 * The measure the responsiveness tests rely on can fail: a page that blocks its main thread for
 * 400 ms of CPU shows a task that long; one that waits shows none.
 */
import { expect, test } from "@playwright/test";
import { PAGE_TASK_CPU_MS, traceMainThread } from "./main-thread-trace.ts";
import { machineSlowdown } from "./responsiveness.ts";

test("a page that computes for 400 ms shows a task over 200 ms of CPU; one that does not, none", async ({
  page,
}) => {
  await page.goto("chapters/why-async/");
  // Spinning for 400 ms of wall time per core's worth of load: about 400 ms of CPU, loaded or not.
  const wall = 400 * machineSlowdown();
  const busy = await traceMainThread(page, () =>
    page.evaluate((ms) => {
      const start = performance.now();
      let spin = 0;
      while (performance.now() - start < ms) spin++;
      return spin;
    }, wall),
  );
  expect(busy.work.longestCpu).toBeGreaterThan(PAGE_TASK_CPU_MS);
  const quiet = await traceMainThread(page, () =>
    page.evaluate(() => new Promise((r) => setTimeout(r, 300))),
  );
  expect(quiet.work.longestCpu).toBeLessThan(PAGE_TASK_CPU_MS);
});
