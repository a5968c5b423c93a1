import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { axe, summary } from "./axe.ts";

const CHAPTER = "chapters/why-async/";
const EXERCISE = 'section[data-exercise="sample-gather"]';

async function openExercise(page: Page): Promise<Locator> {
  await page.goto(CHAPTER);
  const ex = page.locator(EXERCISE);
  await ex.scrollIntoViewIfNeeded();
  return ex;
}

async function runStartingProgram(ex: Locator): Promise<void> {
  await ex.getByLabel("Speed").selectOption("instant");
  await ex.getByRole("button", { name: "Run", exact: true }).click();
}

test("running the starting program fails the check, with the reason", async ({ page }) => {
  const ex = await openExercise(page);
  const status = ex.getByRole("status").filter({ hasText: /Run the program|Check/ });
  await expect(ex.locator("[data-check-result]")).toHaveText(/Run the program: a check then says/);
  await runStartingProgram(ex);
  await expect(ex.getByRole("log", { name: "Output" })).toContainText("Finished in 3.000s");
  await expect(ex.locator("[data-check-result]")).toHaveText(
    "Check failed: the run took 3 s; it should finish by 1 s.",
  );
  await expect(ex.locator("[data-check-result]")).toHaveAttribute("data-state", "failed");
  await expect(status.first()).toBeVisible();
});

test("a stopped run is not judged", async ({ page }) => {
  const ex = await openExercise(page);
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(ex.getByRole("log", { name: "Output" }).locator(".out-line").first()).toBeVisible();
  await ex.getByRole("button", { name: "Stop" }).click();
  await expect(ex.locator("[data-check-result]")).toHaveText(/^Not checked: the run was stopped/);
});

test("hints and the solution unfold one at a time", async ({ page }) => {
  const ex = await openExercise(page);
  const hint2 = ex.locator("details.exercise-hint").nth(1);
  await expect(hint2.locator("code").first()).toBeHidden();
  await hint2.getByText("Hint 2 of 3").click();
  await expect(hint2.locator("code").first()).toHaveText("asyncio.gather");
  await expect(ex.locator("details.exercise-hint").first()).not.toHaveAttribute("open", "");
  const solution = ex.locator("details.exercise-solution");
  // The solution shows the Python beside the TypeScript: both stay folded until asked for.
  await expect(solution.locator("pre")).toHaveCount(2);
  for (const pre of await solution.locator("pre").all()) await expect(pre).toBeHidden();
  await solution.getByText("Solution", { exact: true }).click();
  await expect(solution.locator('pre.astro-code[data-language="ts"]')).toContainText(
    "asyncio.gather(",
  );
  await expect(solution.locator('pre.astro-code[data-language="python"]')).toContainText(
    "asyncio.gather(",
  );
});

test("axe finds no violations in the exercise after a check (light, then dark)", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "light" });
  const ex = await openExercise(page);
  await runStartingProgram(ex);
  await expect(ex.locator("[data-check-result]")).toHaveAttribute("data-state", "failed");
  await ex.locator("details.exercise-hint").first().getByText("Hint 1 of 3").click();
  // The DOM is the same in both schemes: only the colours change, in place.
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    const results = await axe(page, { include: EXERCISE });
    expect(summary(results.violations), scheme).toEqual([]);
    expect(results.passes.length, "rules ran").toBeGreaterThan(0);
  }
});

test("without JavaScript the goal, hints and solution read fine", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CHAPTER);
  const ex = page.locator(EXERCISE);
  await expect(ex.getByRole("heading", { name: "Exercise: Five downloads at once" })).toBeVisible();
  await expect(ex.locator(".exercise-goal")).toContainText("finish by 1.0 s");
  await ex.getByText("Hint 1 of 3").click();
  await expect(ex.locator("details.exercise-hint").first()).toContainText("Which function");
  await context.close();
});

test("the solution, typed into the editor and run, passes the check", async ({ page }) => {
  const solution = readFileSync("content/exercises/sample-gather/solution.ts", "utf8");
  await page.goto(CHAPTER);
  await page.evaluate(() => localStorage.clear());
  const ex = await openExercise(page);
  await ex.getByRole("button", { name: "Edit", exact: true }).click();
  const editor = ex.locator("[data-editor-host] .monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(solution);
  await runStartingProgram(ex);
  await expect(ex.getByRole("log", { name: "Output" })).toContainText("Finished in 1.000s");
  await expect(ex.locator("[data-check-result]")).toHaveText(
    "Check passed: all five files printed in order, and the downloads overlapped: done by 1.0 s.",
  );
  await expect(ex.locator("[data-check-result]")).toHaveAttribute("data-state", "passed");
});

test("a program that does not compile is not checked", async ({ page }) => {
  await page.goto(CHAPTER);
  await page.evaluate(() => localStorage.clear());
  const ex = await openExercise(page);
  await ex.getByRole("button", { name: "Edit", exact: true }).click();
  const editor = ex.locator("[data-editor-host] .monaco-editor");
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.insertText("const = ;\n");
  await runStartingProgram(ex);
  await expect(ex.getByRole("log", { name: "Output" })).toContainText("does not compile");
  await expect(ex.locator("[data-check-result]")).toHaveText(
    "Not checked: the program did not compile; see the errors in the output.",
  );
});
