import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { encodeShareHash } from "../../src/playground/editor/share-link.ts";
import { patience } from "./patience.ts";
import { pageTaskBound } from "./responsiveness.ts";

// The machine these run on is shared and busy: starting the sandbox alone can take seconds.
test.describe.configure({ timeout: patience(120_000) });

const CHAPTER = "chapters/why-async/";
const EXAMPLE = 'section[data-example="hello-gather"]';

async function openExample(page: Page, hash = ""): Promise<Locator> {
  await page.goto(`${CHAPTER}${hash}`);
  const ex = page.locator(EXAMPLE);
  await ex.scrollIntoViewIfNeeded();
  return ex;
}

/**
 * Clicks Run inside the page and reads the widget in the same task, before anything could
 * paint or any message arrive: what the reader sees first.
 */
function clickRunAndLook(ex: Locator) {
  return ex.evaluate((root) => {
    const t0 = performance.now();
    root.querySelector<HTMLButtonElement>('[data-action="run"]')?.click();
    const output = root.querySelector("[data-output]");
    return new Promise<{
      oldLines: number;
      verdict: string;
      stopEnabled: boolean;
      runState: string;
      phase: string;
      phaseMs: number;
    }>((resolve) => {
      const look = {
        oldLines: output?.querySelectorAll(".out-line, .out-status").length ?? -1,
        verdict: root.querySelector("[data-verdict]")?.textContent ?? "",
        stopEnabled: !root.querySelector<HTMLButtonElement>('[data-action="stop"]')?.disabled,
        runState: (root as HTMLElement).dataset.runState ?? "",
      };
      // The phase line may come a few microtasks later (after the editor's first answer); a
      // run whose program is already loaded may print before any phase is ever drawn, and a
      // phase may come and go between two frames: watch the output's nodes, not frames.
      const seen = () => {
        const phase = output?.querySelector("[data-run-phase]")?.textContent ?? "";
        const printed = output?.querySelector(".out-line") !== null;
        if (!phase && !printed) return false;
        resolve({ ...look, phase, phaseMs: performance.now() - t0 });
        return true;
      };
      if (!output || seen()) return;
      const watch = new MutationObserver(() => {
        if (seen()) watch.disconnect();
      });
      watch.observe(output, { childList: true, subtree: true, characterData: true });
    });
  });
}

test("Run after an edit says what it is doing at once, and the old output is gone", async ({
  page,
}) => {
  // Loading Monaco and the compiler on a busy machine takes long; the claim here is not speed.
  test.setTimeout(patience(180_000));
  await page.goto(CHAPTER);
  await page.evaluate(() => localStorage.clear());
  // The edit comes from a share link: the same program with one more comment.
  const original = await page
    .locator(`${EXAMPLE} script[data-example-data]`)
    .evaluate((s) => (JSON.parse(s.textContent ?? "{}") as { source: string }).source);
  const ex = await openExample(page, encodeShareHash("hello-gather", `${original}\n// mine\n`));
  await expect(ex).toHaveAttribute("data-edit-state", "shared");
  await ex.getByLabel("Speed").selectOption("instant");
  const output = ex.getByRole("log", { name: "Output" });
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("Finished in 2.000s", { timeout: patience(60_000) });
  await expect(ex.locator("[data-verdict]")).toHaveText("Same as Python ✓");

  // A second edit: the next Run compiles again.
  await ex.getByRole("button", { name: "Edit", exact: true }).click();
  const editor = ex.locator("[data-editor-host] .monaco-editor");
  await expect(editor).toBeVisible({ timeout: patience(60_000) });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText("\n// and again\n");
  await expect(ex).toHaveAttribute("data-edit-state", "edited");

  const look = await clickRunAndLook(ex);
  expect(look.oldLines, "the previous run's lines and status are gone").toBe(0);
  expect(look.verdict, "the previous verdict is gone").toBe("");
  expect(look.stopEnabled, "Stop works while the code compiles").toBe(true);
  expect(look.runState).not.toBe("finished");
  expect(look.phase).toMatch(/^(Loading the compiler|Compiling|Checking types|Starting the run)…$/);
  // The 200 ms, scaled by the machine's load as every page-time bound is
  // (responsiveness.ts): on an oversubscribed machine the page's thread waits for a core.
  expect(look.phaseMs).toBeLessThan(pageTaskBound());
  await expect(output).toContainText("Finished in 2.000s", { timeout: patience(60_000) });
  await expect(output.locator("[data-run-phase]")).toHaveCount(0);
  await expect(ex.locator("[data-verdict]")).toHaveText("Same as Python ✓");
});

test("Run during a run starts clean: no line or Stopped of the old run in the new one", async ({
  page,
}) => {
  const ex = await openExample(page);
  const output = ex.getByRole("log", { name: "Output" });
  const run = ex.getByRole("button", { name: "Run", exact: true });
  await run.click();
  await expect(output.locator(".out-line").first()).toContainText("Hello, Alice", {
    timeout: patience(30_000),
  });
  const look = await clickRunAndLook(ex);
  expect(look.oldLines).toBe(0);
  expect(look.stopEnabled).toBe(true);
  await expect(output).toContainText(/Finished in 2\.\d{3}s/, { timeout: patience(30_000) });
  await expect(output.locator(".out-status")).toHaveCount(1);
  await expect(output).not.toContainText("Stopped");
  // hello-gather prints seven lines, once.
  await expect(output.locator(".out-line")).toHaveCount(7);
});

test("at 1× an unedited example on a busy page still reads Same as Python", async ({ page }) => {
  const ex = await openExample(page);
  const output = ex.getByRole("log", { name: "Output" });
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output.locator(".out-line").first()).toContainText("Hello, Alice", {
    timeout: patience(30_000),
  });
  // The page's main thread is held for 300 ms in the middle of the run.
  await page.evaluate(() => {
    const end = performance.now() + 300;
    while (performance.now() < end) {
      // busy on purpose
    }
  });
  await expect(output).toContainText(/Finished in 2\.\d{3}s/, { timeout: patience(30_000) });
  await expect(ex.locator("[data-verdict]")).toHaveText(/^Same as Python ✓/);
});

test.describe("in an exercise the check replaces the Python verdict", () => {
  const PAGE = "chapters/tasks-and-futures/";
  const EXERCISE = 'section[data-exercise="task-forgotten"]';

  test("the starting program: the check fails, and no 'Same as Python' beside it", async ({
    page,
  }) => {
    await page.goto(PAGE);
    const ex = page.locator(EXERCISE);
    await ex.scrollIntoViewIfNeeded();
    await ex.getByLabel("Speed").selectOption("instant");
    await ex.getByRole("button", { name: "Run", exact: true }).click();
    await expect(ex.locator("[data-check-result]")).toHaveAttribute("data-state", "failed", {
      timeout: patience(30_000),
    });
    await expect(ex.locator("[data-verdict]")).toHaveText("");
  });

  test("a passing solution shows no 'Differs'", async ({ page }) => {
    const solution = readFileSync("content/exercises/task-forgotten/solution.ts", "utf8");
    await page.goto(PAGE);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${PAGE}${encodeShareHash("task-forgotten", solution)}`);
    const ex = page.locator(EXERCISE);
    await ex.scrollIntoViewIfNeeded();
    await expect(page.locator('section[data-example="task-forgotten"]')).toHaveAttribute(
      "data-edit-state",
      "shared",
      { timeout: patience(90_000) },
    );
    await ex.getByLabel("Speed").selectOption("instant");
    await ex.getByRole("button", { name: "Run", exact: true }).click();
    await expect(ex.locator("[data-check-result]")).toHaveAttribute("data-state", "passed", {
      timeout: patience(60_000),
    });
    await expect(ex).not.toContainText("Differs");
  });
});
