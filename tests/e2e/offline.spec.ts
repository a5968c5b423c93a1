/**
 * Offline (issue 17, item 7): after a first visit, every chapter reads and runs offline, and
 * what the reader has used (the editor, the compiler) works offline too. The service worker
 * is blocked in every other spec (playwright.config.ts); here it runs.
 */
import { expect, type Page, test } from "@playwright/test";

test.use({ serviceWorkers: "allow" });

/** Waits until the worker controls the page and has filled its cache (install is done). */
async function workerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The first page is not controlled (it loaded before the worker): a reload is.
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? "none"))
    .toBe("activated");
}

test("after a first visit, a chapter never opened reads and runs offline", async ({
  page,
  context,
}) => {
  await page.goto("");
  await workerReady(page);
  // Installing kept the pages, and no byte of Python (that waits for Run Python).
  const kept = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
    return urls;
  });
  expect(kept.some((u) => u.includes("chapters/event-loop/"))).toBe(true);
  expect(kept.filter((u) => /pyodide|python-worker/.test(u))).toEqual([]);
  await context.setOffline(true);
  // A chapter the reader has not opened, and a highlight query it was never fetched with.
  const response = await page.goto("chapters/event-loop/?highlight=loop");
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The event loop");
  const example = page.locator("section[data-example]").first();
  await example.scrollIntoViewIfNeeded();
  await example.getByLabel("Speed").selectOption("instant");
  await example.getByRole("button", { name: "Run", exact: true }).click();
  await expect(example.locator("[data-verdict]")).toHaveText(/^Same as Python/);
  // The words searched are marked on arrival, and search itself works offline.
  await expect(page.locator("main mark.search-hit").first()).toHaveText(/loop/i);
  await page.keyboard.press("/");
  await page.getByRole("searchbox", { name: "Search" }).fill("TaskGroup");
  await expect(page.locator("[data-search-results] a").first()).toBeVisible();
});

test("the editor and the compiler, once used, work offline on another chapter", async ({
  page,
  context,
}) => {
  await page.goto("chapters/coroutines/");
  await workerReady(page);
  const first = page.locator("section[data-example]").first();
  await first.scrollIntoViewIfNeeded();
  await first.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(first.locator("[data-editor-host] .monaco-editor")).toBeVisible();
  await context.setOffline(true);
  await page.goto("chapters/tasks-and-futures/");
  const example = page.locator("section[data-example]").first();
  await example.scrollIntoViewIfNeeded();
  await example.getByRole("button", { name: "Edit", exact: true }).click();
  const editor = example.locator("[data-editor-host] .monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.insertText('print("offline-5e2a");\n');
  await expect(example).toHaveAttribute("data-edit-state", "edited");
  await example.getByRole("button", { name: "Run", exact: true }).click();
  await expect(example.getByRole("log", { name: "Output" })).toContainText("offline-5e2a");
});

test("a new deploy's worker deletes the caches of older deploys", async ({ page }) => {
  await page.goto("");
  await workerReady(page);
  // What an older deploy's worker left behind, then a new deploy: a worker script at another
  // URL for the same scope is an update, as a changed sw.js is. (Unregistering instead waits
  // for the browser to drop the old registration, which took minutes on a loaded machine.)
  await page.evaluate(async () => {
    await (await caches.open("asyncio-live-0000000000000000")).put("stale", new Response("x"));
    const current = await navigator.serviceWorker.ready;
    const script = new URL(current.active?.scriptURL ?? "");
    script.searchParams.set("deploy", "next");
    await navigator.serviceWorker.register(script.href, { scope: current.scope });
  });
  // The new worker skips waiting and claims this page once its activation (which deletes the
  // old caches) is done.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const controller = navigator.serviceWorker.controller;
        return controller?.scriptURL.includes("deploy=next") ? controller.state : "old";
      }),
    )
    .toBe("activated");
  const names = await page.evaluate(() => caches.keys());
  expect(names).not.toContain("asyncio-live-0000000000000000");
  expect(names.filter((n) => n.startsWith("asyncio-live-"))).toHaveLength(1);
});
