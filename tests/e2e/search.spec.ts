/**
 * Search lands where the words are: results link to sections, the words are marked on arrival,
 * the keyboard works the dialog (arrows through results, one Escape closes), a query says it is
 * searching, and the examples' controls are not in the index.
 */
import { expect, type Page, test } from "@playwright/test";

async function search(page: Page, query: string) {
  await page.goto("./");
  await page.keyboard.press("/");
  const box = page.getByRole("searchbox", { name: "Search" });
  await expect(box).toBeFocused();
  await box.fill(query);
  return box;
}

const results = (page: Page) => page.locator("[data-search-results] a");

test("a result opens its section, with the words searched marked in it", async ({ page }) => {
  await search(page, "TaskGroup");
  const section = page.locator("[data-search-results] a.search-section").first();
  await expect(section).toHaveAttribute("href", /\?highlight=taskgroup#[\w-]+$/i);
  const href = (await section.getAttribute("href")) ?? "";
  await section.click();
  await expect(page).toHaveURL(/highlight=taskgroup#/i);
  const anchor = decodeURIComponent(href.slice(href.indexOf("#") + 1));
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
  await expect(page.locator("html[data-search-highlighted]")).toHaveCount(1);
  const hits = page.locator("main mark.search-hit");
  expect(await hits.count()).toBeGreaterThan(0);
  await expect(hits.first()).toHaveText(/taskgroup/i);
  // Nothing in the examples' controls is marked: they are left out, as from the index.
  await expect(page.locator("[data-pagefind-ignore] mark.search-hit")).toHaveCount(0);
});

test("arrows move through the results and back to the box; one Escape closes", async ({ page }) => {
  const box = await search(page, "semaphore");
  await expect(results(page).nth(1)).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(results(page).nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(results(page).nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("semaphore");
  await page.keyboard.press("Escape");
  await expect(page.locator("[data-search-dialog]")).not.toBeVisible();
});

test("a query says it is searching until its results show", async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => {
    const status = document.querySelector("[data-search-status]");
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    if (status)
      new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
        childList: true,
        characterData: true,
        subtree: true,
      });
  });
  await page.keyboard.press("/");
  await page.getByRole("searchbox", { name: "Search" }).fill("coroutine");
  await expect(page.locator("[data-search-status]")).toHaveText(/^\d+ results?$/);
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen).toContain("Searching…");
});

test("the examples' controls and placeholders are not in the index", async ({ page }) => {
  await search(page, "Press Run to run the TypeScript version here");
  await expect(page.locator("[data-search-status]")).toHaveText(/^(No results|\d+ results?)$/);
  const texts = await results(page).allTextContents();
  for (const t of texts) expect(t).not.toContain("run the TypeScript version here");
});
