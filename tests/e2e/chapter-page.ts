/**
 * One chapter page per Playwright worker for the tests that only edit, run and look: what they
 * load starts once on it, not once per test. Monaco and the TypeScript language service (a 7 MB
 * worker) took 3–4 s of an idle 2-core machine and 15–20 s of a loaded one; Pyodide (12 MB
 * fetched, its wasm compiled, an interpreter booted) about as long; what the tests check comes
 * after it. The page watches when runs start (`markRunStart`), for the responsiveness checks.
 *
 * Each test gets the page as a reader leaves it after Reset: every example shows its original
 * code (an example left edited is Reset, and must say so), no widget or menu of the editor is
 * open, and the page has the theme it loaded with. Tests that need a first visit, a reload, a
 * share link or storage of their own open their own page, as before.
 *
 * `offSite` lists every request the page made to another origin since it was opened (blob: and
 * data: URLs are the page's own): a test asserts it empty after what it did.
 */
import { test as base, expect, type Page } from "@playwright/test";
import { markRunStart } from "./responsiveness.ts";
import { PREVIEW_PORT, SITE_CONTEXT } from "./site.ts";

const ORIGIN = `http://127.0.0.1:${PREVIEW_PORT}`;

export interface ChapterPage {
  page: Page;
  offSite: string[];
}

/** Brings the shared page back to its examples' original code and the theme it loaded with. */
async function backToOriginal(page: Page, theme: string | null): Promise<void> {
  await page.keyboard.press("Escape");
  await page.evaluate((t) => {
    if (t === null) document.documentElement.removeAttribute("data-theme");
    else document.documentElement.setAttribute("data-theme", t);
  }, theme);
  const edited = await page
    .locator("section[data-example]:not([data-edit-state='original'])")
    .evaluateAll((sections) => sections.map((s) => (s as HTMLElement).dataset["example"] ?? ""));
  for (const id of edited) {
    const section = page.locator(`section[data-example="${id}"]`);
    await section.getByRole("button", { name: "Reset", exact: true }).click();
    await expect(section).toHaveAttribute("data-edit-state", "original");
  }
}

/** A `test` whose `chapterPage` fixture is the worker's page at `path` (under the base path). */
export function chapterPageTest(path: string) {
  return base.extend<{ chapterPage: ChapterPage }, { sharedChapterPage: ChapterPage }>({
    sharedChapterPage: [
      async ({ browser }, use) => {
        const context = await browser.newContext(SITE_CONTEXT);
        const page = await context.newPage();
        const offSite: string[] = [];
        page.on("request", (r) => {
          const url = new URL(r.url());
          if (url.protocol !== "blob:" && url.protocol !== "data:" && url.origin !== ORIGIN)
            offSite.push(r.url());
        });
        await markRunStart(page);
        await page.goto(path);
        await use({ page, offSite });
        await context.close();
      },
      { scope: "worker" },
    ],
    chapterPage: async ({ sharedChapterPage }, use) => {
      const { page } = sharedChapterPage;
      const theme = await page.evaluate(() => document.documentElement.getAttribute("data-theme"));
      await use(sharedChapterPage);
      // After, not before: a test that fails ends its worker, and the next gets a new page.
      await backToOriginal(page, theme);
    },
  });
}
