/**
 * Progress is kept in the browser: a chapter read to the end is ticked in the sidebar and on the
 * landing page, a Predict answered and an exercise solved are counted there, and the record
 * can be exported, reset and imported again.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { encodeShareHash } from "../../src/playground/editor/share-link.ts";
import { patience } from "./patience.ts";

const sidebarLink = (page: Page, title: string | RegExp) =>
  page.getByRole("navigation", { name: "Chapters" }).getByRole("link", { name: title });
const count = (page: Page, kind: string) => page.locator(`[data-progress-count="${kind}"]`);

test("what the reader finishes is ticked and counted, and survives export, reset and import", async ({
  page,
}) => {
  test.setTimeout(patience(150_000));
  await page.goto("./");
  await expect(page.locator("[data-progress-panel]")).toBeVisible();
  await expect(count(page, "read")).toHaveText(/^0 of \d+$/);
  await expect(count(page, "predicts")).toHaveText(/^0 of \d+$/);
  await expect(count(page, "exercises")).toHaveText(/^0 of \d+$/);

  // Read the first chapter to its end; answer its Predict by asking for the answer.
  await page.goto("chapters/why-async/");
  const predict = page.locator("section[data-predict]").first();
  await predict.scrollIntoViewIfNeeded();
  await predict.getByRole("button", { name: "Show me the answer" }).click();
  await expect(predict).toHaveAttribute("data-answer-seen", "true");
  await expect(sidebarLink(page, /Why async/)).not.toHaveAttribute("data-read");
  await page.locator(".prev-next").scrollIntoViewIfNeeded();
  await expect(sidebarLink(page, /Why async/)).toHaveAttribute("data-read", "");
  await expect(sidebarLink(page, /Why async/)).toContainText("(read)");

  // Solve its exercise with the solution, arriving as a share link.
  const solution = readFileSync("content/exercises/sample-gather/solution.ts", "utf8");
  await page.goto(`chapters/why-async/${encodeShareHash("sample-gather", solution)}`);
  const ex = page.locator('section[data-exercise="sample-gather"]');
  await ex.scrollIntoViewIfNeeded();
  await expect(page.locator('section[data-example="sample-gather"]')).toHaveAttribute(
    "data-edit-state",
    "shared",
    { timeout: patience(90_000) },
  );
  await ex.getByLabel("Speed").selectOption("instant");
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(ex.locator("[data-check-result]")).toHaveAttribute("data-state", "passed", {
    timeout: patience(90_000),
  });

  await page.goto("./");
  await expect(count(page, "read")).toHaveText(/^1 of \d+$/);
  await expect(count(page, "predicts")).toHaveText(/^1 of \d+$/);
  await expect(count(page, "exercises")).toHaveText(/^1 of \d+$/);
  await expect(page.locator(".chapter-cards a[data-read]")).toHaveCount(1);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const file = await (await download).path();
  const saved = JSON.parse(readFileSync(file, "utf8"));
  expect(Object.keys(saved.read)).toEqual(["why-async"]);
  expect(Object.keys(saved.exercises)).toEqual(["sample-gather"]);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Reset" }).click();
  await expect(count(page, "read")).toHaveText(/^0 of \d+$/);
  await expect(page.locator(".chapter-cards a[data-read]")).toHaveCount(0);

  await page.locator("[data-progress-import]").setInputFiles(file);
  await expect(page.locator("[data-progress-status]")).toHaveText("Progress imported.");
  await expect(count(page, "read")).toHaveText(/^1 of \d+$/);
  await expect(count(page, "exercises")).toHaveText(/^1 of \d+$/);

  await page.locator("[data-progress-import]").setInputFiles({
    name: "other.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"not": "progress"}'),
  });
  await expect(page.locator("[data-progress-status]")).toHaveText(
    "That file is not a progress file from this site.",
  );
  await expect(count(page, "read")).toHaveText(/^1 of \d+$/);
});
