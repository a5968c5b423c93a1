import { expect, test } from "@playwright/test";

// task-names prints differently on 3.13 and 3.14 (a named task no longer uses up a task number).
const CHAPTER = "chapters/tasks-and-futures/";
const DIFFERS = 'section[data-example="task-names"]';

test("an example whose versions differ: the switch shows 3.14's lines, marked, and the choice survives a reload", async ({
  page,
}) => {
  await page.goto(CHAPTER);
  const ex = page.locator(DIFFERS);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveAttribute("data-awake", "true");
  const panel = ex.locator(".py-output");
  const version = panel.getByLabel("Python version");
  const shown = panel.locator("ol[data-py-output]:visible");

  await expect(version).toHaveValue("3.14"); // the newest by default
  await version.selectOption("3.11");
  await expect(panel.locator(".panel-label")).toHaveText(/CPython 3\.11 printed/i);
  await expect(shown).toHaveAttribute("data-py-version-of", "3.11");
  await expect(shown.locator(".out-line").nth(1)).toContainText("'Task-4'");

  await version.selectOption("3.13");
  await expect(shown).toHaveAttribute("data-py-version-of", "3.13");
  await expect(shown.locator(".out-line").nth(1)).toContainText("'Task-2'");
  await expect(shown.locator(".out-line").nth(1)).toHaveClass(/out-differs/);
  await expect(shown.locator(".out-line").nth(0)).not.toHaveClass(/out-differs/);

  await version.selectOption("3.11");
  await page.reload();
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveAttribute("data-awake", "true");
  await expect(version).toHaveValue("3.11");
  await expect(shown).toHaveAttribute("data-py-version-of", "3.11");
  await expect(shown.locator(".out-line").nth(1)).toContainText("'Task-4'");
});

test("a run follows the version chosen: 3.13 and 3.11 are each the same as their own recording", async ({
  page,
}) => {
  await page.goto(CHAPTER);
  const ex = page.locator(DIFFERS);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveAttribute("data-awake", "true");
  const version = ex.locator(".py-output").getByLabel("Python version");
  const verdict = ex.locator("[data-verdict]");
  const output = ex.locator("[data-output]");
  await ex.getByLabel("Speed").selectOption("instant");
  const run = ex.getByRole("button", { name: "Run", exact: true });

  await version.selectOption("3.13");
  await run.click();
  await expect(verdict).toHaveText("Same as Python ✓");
  await expect(output).toContainText("'Task-2'");
  await expect(output).not.toContainText("Task-4");

  await version.selectOption("3.11");
  await run.click();
  await expect(verdict).toHaveText("Same as Python ✓");
  await expect(output).toContainText("'Task-4'");
});

test("an example every version prints alike names them all and offers no switch", async ({
  page,
}) => {
  await page.goto(CHAPTER);
  const ex = page.locator('section[data-example="task-create-await"]');
  await expect(ex.locator(".py-output .panel-label")).toHaveText(
    /CPython 3\.11, 3\.12, 3\.13 and 3\.14 printed/i,
  );
  await expect(ex.locator("select[data-py-version]")).toHaveCount(0);
});

test("an example with threads is recorded on 3.14 too (Pyodide runs its threads), and says nothing is missing", async ({
  page,
}) => {
  await page.goto("chapters/threads-and-executors/");
  const ex = page.locator('section[data-example="thr-to-thread"]');
  await expect(ex.locator(".py-output .panel-label")).toHaveText(
    /CPython 3\.11, 3\.12, 3\.13 and 3\.14 printed/i,
  );
  await expect(ex.locator(".py-output .py-version-missing")).toHaveCount(0);
});
