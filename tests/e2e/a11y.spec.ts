import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { axe, summary } from "./axe.ts";
import { watchBudgets } from "./budgets.ts";
import { builtPages } from "./built-pages.ts";
import { expectChapterStructure } from "./chapter-structure.ts";
import { chapterInfos } from "./chapters.ts";
import { codeBlocks, faintTokens } from "./code-contrast.ts";
import { patience } from "./patience.ts";

/**
 * axe on every page, light and dark, and each chapter's budgets (budgets.ts: bytes and counts
 * before interaction, measured first, before anything touches the page) and landmarks on the
 * same page load.
 *
 * The page's DOM is the same in both schemes; only its colours change, so each page is loaded
 * once: every rule runs in light, then the scheme is switched in place and the rules that read
 * colours run again in dark. Highlighted code is one text node per block (its token colours
 * are CSS highlights, src/lib/flat-code.ts), so axe checks the `<pre>` (its contrast, that a
 * scrollable region can be focused, and so on) but cannot see the tokens' colours: their
 * contrast is computed for every token of every page from the built HTML below
 * (code-contrast.ts). Only violations are collected: axe's record of
 * every passing node is what made its answer slow to hand back; and axe runs in the page, not
 * through AxeBuilder (axe.ts says why).
 */
const chapters = chapterInfos();
const pages = ["./", "404.html", ...chapters.map((c) => `chapters/${c.id}/`)];
/** The axe rules whose outcome depends on the colour scheme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

// A bound on how long a hung test takes to fail, for a 2-core machine with both cores pinned by
// other work; nothing here waits for a time.
test.describe.configure({ timeout: patience(300_000) });

async function showScheme(page: Page, scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
}

for (const path of pages) {
  const chapter = chapters.findIndex((c) => path === `chapters/${c.id}/`);
  const title =
    chapter >= 0
      ? `chapter "${chapters[chapter]?.title}": budgets, sidebar, headings list, prev/next, and axe finds no violations (light, then dark)`
      : `axe finds no violations on ${path} (light, then dark)`;
  test(title, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    const id = chapters[chapter]?.id;
    const budgets = id === undefined ? null : watchBudgets(page, id);
    await page.goto(path);
    if (budgets) await budgets.check();
    if (chapter >= 0) await expectChapterStructure(page, chapter);
    await showScheme(page, "light");
    const light = await axe(page);
    expect(summary(light.violations), "light").toEqual([]);
    // The rules did run (an exclusion that matched everything would check nothing).
    expect(light.passes.length).toBeGreaterThan(10);

    await showScheme(page, "dark");
    const dark = await axe(page, { rules: COLOUR_RULES });
    expect(summary(dark.violations), "dark").toEqual([]);
    expect(dark.passes.length + dark.incomplete.length + dark.violations.length).toBeGreaterThan(0);
  });
}

test("every token of highlighted code has a contrast of 4.5:1 or more, light and dark, on every page", () => {
  const files = builtPages();
  let blocks = 0;
  let tokens = 0;
  const faint: string[] = [];
  for (const file of files) {
    const html = readFileSync(`dist/${file}`, "utf8");
    for (const b of codeBlocks(html)) {
      blocks += 1;
      tokens += b.runs;
    }
    for (const t of faintTokens(html))
      faint.push(`${file}: ${t.colour} on ${t.background} (${t.scheme}) is ${t.ratio}:1`);
  }
  expect(faint).toEqual([]);
  // Every chapter has code, so a parse that found none would be a broken check.
  expect(blocks).toBeGreaterThan(chapters.length * 4);
  expect(tokens).toBeGreaterThan(blocks * 10);
});
