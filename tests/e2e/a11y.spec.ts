import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { chapterInfos } from "./chapters.ts";

/**
 * axe on every page, light and dark. The page's DOM is the same in both schemes; only its
 * colours change, so each page is loaded once: every rule runs in light, then the scheme is
 * switched in place and the rules that read colours run again in dark. That halves the work
 * of checking both schemes (axe's walk of the DOM is most of the suite's CPU) without losing
 * a check. Pages run in parallel as separate tests.
 */
const pages = ["./", "404.html", ...chapterInfos().map((c) => `chapters/${c.id}/`)];
/** The axe rules whose outcome depends on the colour scheme. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

// axe walks some 6,000 elements of a chapter in the page's one thread: with both cores pinned
// and other runs on the machine that took over 90 s. The bound only limits how long a hung
// test takes to fail; nothing here waits for a time.
test.describe.configure({ timeout: 600_000 });

function summary(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]) {
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

async function showScheme(page: Page, scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
}

for (const path of pages) {
  test(`axe finds no violations on ${path} (light, then dark)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    await showScheme(page, "light");
    expect(summary((await new AxeBuilder({ page }).analyze()).violations), "light").toEqual([]);

    await showScheme(page, "dark");
    const dark = await new AxeBuilder({ page }).withRules(COLOUR_RULES).analyze();
    expect(summary(dark.violations), "dark").toEqual([]);
    // The colour rules did run (an unknown rule id would check nothing).
    expect(dark.passes.length + dark.incomplete.length + dark.violations.length).toBeGreaterThan(0);
  });
}
