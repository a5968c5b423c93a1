/**
 * Python starts as the reader reaches for Run Python, on a page after one that ran it: the
 * service worker keeps Pyodide's files (asked to by the page, keep-message.ts, when it fetched
 * them before the worker controlled it), so pointing at Run Python boots an interpreter from
 * them (python-service.ts `warmPython`) without a byte from the network; a reader who never ran
 * Python gets nothing by pointing at it. The service worker is blocked in the other specs.
 */
import { expect, type Page, type Response, test } from "@playwright/test";
import { openAtInstant } from "./open-example.ts";
import { patience } from "./patience.ts";

test.use({ serviceWorkers: "allow" });
test.describe.configure({ timeout: patience(300_000) });

const LOAD = { timeout: patience(120_000) };
const FIRST = { chapter: "chapters/why-async/", id: "hello-gather" };
const SECOND = { chapter: "chapters/tasks-and-futures/", id: "task-names" };

const isPythonFile = (url: string) =>
  url.includes("/sandbox/pyodide/") || url.includes("python-worker.js");

/** The spare Python worker's state, on the sandbox frame's root (runner-frame.ts). */
const spare = (page: Page) => page.frameLocator("iframe.runner-frame").locator("html");

test("pointing at Run Python boots Python from the service worker's copies on a later page, and only then", async ({
  page,
}) => {
  const responses: Response[] = [];
  page.context().on("response", (r) => {
    if (isPythonFile(r.url())) responses.push(r);
  });
  // The worker's script is held until the first Run Python is done: the page fetches Python
  // past any worker, as a reader's first page does when Run Python comes before the worker
  // (registered once the page is idle) controls it. The page then asks the worker to keep them.
  let releaseWorker = () => {};
  const workerHeld = new Promise<void>((resolve) => {
    releaseWorker = resolve;
  });
  await page.route("**/sw.js", async (route) => {
    await workerHeld;
    await route.continue();
  });
  const first = await openAtInstant(page, FIRST.chapter, FIRST.id);

  // Never ran Python on this site: pointing at Run Python fetches nothing, boots nothing.
  const runPython = first.ex.getByRole("button", { name: "Run Python" });
  await runPython.hover();
  await first.ex.getByRole("button", { name: "Run", exact: true }).hover();
  await runPython.focus();
  await first.ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(first.output.locator(".out-status")).toContainText("Finished");
  expect(responses.map((r) => r.url())).toEqual([]);
  await expect(spare(page)).not.toHaveAttribute("data-python-spare", /./);

  await runPython.click();
  await expect(first.output.locator(".out-status")).toContainText("Finished", LOAD);
  expect(responses.length).toBeGreaterThan(0);
  expect(responses.filter((r) => r.fromServiceWorker()).map((r) => r.url())).toEqual([]);
  releaseWorker();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? "none"), LOAD)
    .toBe("activated");
  // Every file Run Python fetched is kept, though the worker saw none of those fetches.
  const fetched = [...new Set(responses.map((r) => r.url()))];
  await expect
    .poll(
      () =>
        page.evaluate(
          async (urls) => (await Promise.all(urls.map((u) => caches.match(u)))).every(Boolean),
          fetched,
        ),
      LOAD,
    )
    .toBe(true);

  // A later page: the pointer reaches Run Python, and Python boots before the press.
  responses.length = 0;
  const second = await openAtInstant(page, SECOND.chapter, SECOND.id);
  await expect(spare(page)).not.toHaveAttribute("data-python-spare", /./);
  await second.ex.getByRole("button", { name: "Run Python" }).hover();
  await expect(spare(page)).toHaveAttribute("data-python-spare", "ready", LOAD);
  expect(responses.length).toBeGreaterThan(0);
  expect(responses.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);

  await second.ex.getByRole("button", { name: "Run Python" }).click();
  await expect(second.output.locator(".out-status")).toContainText("Finished", LOAD);
  const recorded = second.ex.locator('.py-output ol[data-py-version-of="3.14"] .out-line');
  await expect(second.output.locator(".out-line")).toHaveText(await recorded.allTextContents());
});
