import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, test } from "@playwright/test";
import { chapterInfos } from "./chapters.ts";

/**
 * axe on every page, light and dark. A page's check is mostly waiting (load, then axe's walk
 * of the DOM), so the pages of one scheme are checked in parallel browser contexts: one test
 * per scheme, reporting every page's violations at once.
 */
const pages = ["./", "404.html", ...chapterInfos().map((c) => `chapters/${c.id}/`)];
const CONTEXTS_AT_ONCE = 4;

async function violations(
  browser: Browser,
  baseURL: string,
  path: string,
  scheme: "light" | "dark",
): Promise<string[]> {
  const context = await browser.newContext({ baseURL, colorScheme: scheme });
  try {
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations.map(
      (v) => `${path}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  } finally {
    await context.close();
  }
}

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds no violations on any page (${scheme})`, async ({ browser, baseURL }) => {
    // Bounded by the work (pages), not by a guess at the machine's speed per page.
    test.setTimeout(pages.length * 30_000);
    const queue = [...pages];
    const found: string[] = [];
    const checked: string[] = [];
    await Promise.all(
      Array.from({ length: CONTEXTS_AT_ONCE }, async () => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          found.push(...(await violations(browser, baseURL ?? "", path, scheme)));
          checked.push(path);
        }
      }),
    );
    expect(checked.sort()).toEqual([...pages].sort());
    expect(found).toEqual([]);
  });
}
