import { expect, type Page } from "@playwright/test";
import { chapterInfos } from "./chapters.ts";

/**
 * What every chapter page must have, read the way a screen reader finds it (roles and names):
 * the chapter list with this chapter marked current, an "On this page" list with every h2, and
 * links to the previous and next chapters. `page` shows chapter `index` (in reading order).
 */
export async function expectChapterStructure(page: Page, index: number): Promise<void> {
  const chapters = chapterInfos();
  const c = chapters[index];
  if (!c) throw new Error(`no chapter ${index}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.title);
  const sidebar = page.getByRole("navigation", { name: "Chapters" });
  await expect(sidebar.getByRole("link")).toHaveCount(chapters.length);
  await expect(sidebar.locator('[aria-current="page"]')).toContainText(c.title);
  const h2s = await page.locator("article h2").allTextContents();
  expect(h2s.length).toBeGreaterThan(0);
  const toc = page.getByRole("navigation", { name: "On this page" });
  for (const h of h2s) await expect(toc.getByRole("link", { name: h, exact: true })).toHaveCount(1);
  const pager = page.getByRole("navigation", { name: "Previous and next chapter" });
  const prev = chapters[index - 1];
  const next = chapters[index + 1];
  await expect(pager.locator("a[rel=prev]")).toHaveCount(prev ? 1 : 0);
  await expect(pager.locator("a[rel=next]")).toHaveCount(next ? 1 : 0);
  if (next) await expect(pager.locator("a[rel=next]")).toContainText(next.title);
  if (prev) await expect(pager.locator("a[rel=prev]")).toContainText(prev.title);
}
