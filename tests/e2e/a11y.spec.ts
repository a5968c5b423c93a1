import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { chapterInfos } from "./chapters.ts";

const pages = ["./", "404.html", ...chapterInfos().map((c) => `chapters/${c.id}/`)];

for (const scheme of ["light", "dark"] as const) {
  for (const path of pages) {
    test(`axe finds no violations on ${path} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
      expect(summary).toEqual([]);
    });
  }
}
