/**
 * The sandbox is prepared before Run, but only for a reader who comes near an example: no
 * frame before an example is near the viewport, exactly one once the reader points at Run.
 */
import { expect, test } from "@playwright/test";

test("no sandbox before an example is near the viewport; one, and only one, after pointing at Run", async ({
  page,
}) => {
  // A short window: the chapter's first example starts well below the fold.
  await page.setViewportSize({ width: 1000, height: 240 });
  await page.goto("chapters/why-async/");
  const first = page.locator("section[data-example]").first();
  await expect(first).toHaveAttribute("data-awake", "true");
  const below = await first.evaluate((el) => el.getBoundingClientRect().top - innerHeight);
  test.skip(below < 300, `the first example is only ${below} px below the fold here`);
  await expect(page.locator("iframe.runner-frame")).toHaveCount(0);

  const run = first.getByRole("button", { name: "Run", exact: true });
  await run.scrollIntoViewIfNeeded();
  await run.hover();
  await expect(page.locator("iframe.runner-frame")).toHaveCount(1);
  // Pointing at another example's Run does not make a second sandbox.
  const second = page.locator("section[data-example]").nth(1);
  await second.getByRole("button", { name: "Run", exact: true }).hover();
  await run.click();
  await expect(first.getByRole("log", { name: "Output" })).toContainText("Finished");
  await expect(page.locator("iframe.runner-frame")).toHaveCount(1);
});
