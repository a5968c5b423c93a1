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

test("pointing at Run loads the example's program into the idle worker, and Run starts that program", async ({
  page,
}) => {
  await page.goto("chapters/why-async/");
  const examples = page.locator("section[data-example]");
  const first = examples.first();
  const second = examples.nth(1);
  await expect(first).toHaveAttribute("data-awake", "true");
  const sandbox = page.frameLocator("iframe.runner-frame").locator("html");

  await first.getByRole("button", { name: "Run", exact: true }).hover();
  await expect(sandbox).toHaveAttribute("data-idle-programs", "1");
  // A second example's program joins the same idle worker: still one sandbox.
  await second.getByRole("button", { name: "Run", exact: true }).hover();
  await expect(sandbox).toHaveAttribute("data-idle-programs", "2");
  await expect(page.locator("iframe.runner-frame")).toHaveCount(1);

  // Run the first: the held program starts, and it is the example's (CPython's transcript).
  await first.getByLabel("Speed").selectOption("instant");
  await first.getByRole("button", { name: "Run", exact: true }).click();
  const output = first.getByRole("log", { name: "Output" });
  await expect(output.locator(".out-status")).toHaveText(/^Finished in \d+\.\d{3}s$/);
  await expect(sandbox).toHaveAttribute("data-last-start", "held");
  await expect(first.locator("[data-verdict]")).toHaveAttribute("data-kind", "same");
  // The next idle worker is made after the run spoke, holding the same program for a second Run.
  await expect(sandbox).toHaveAttribute("data-idle-programs", "1");
  await first.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output.locator(".out-status")).toHaveText(/^Finished in \d+\.\d{3}s$/);
  await expect(first.locator("[data-verdict]")).toHaveAttribute("data-kind", "same");
  await expect(sandbox).toHaveAttribute("data-last-start", "held");
  await expect(page.locator("iframe.runner-frame")).toHaveCount(1);
});
