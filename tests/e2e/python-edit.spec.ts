/**
 * The reader edits the Python too (issue 15): a Python side in the editor with the TypeScript
 * side's promises (saved as typed, kept by a reload, Reset, Share), Run Python running the
 * edit, the interpreter's version shown, and Compare once both programs have run. Pyodide
 * boots in one test only (it costs seconds); the other loads none of it.
 */
import { expect, type Locator, type Page, type Request, test } from "@playwright/test";
import { patience } from "./patience.ts";

// Its three lines are the same on every recorded CPython, so a Python run of the unedited
// example prints what the TypeScript twin prints, whatever version Pyodide runs.
const CHAPTER = "chapters/coroutines/";
const ID = "coro-first";
const MARK = "edited-py-7c1";
const EDIT = `print("${MARK}")\n`;
/** The first Run Python downloads and boots Pyodide (about 12 MB); a loaded machine is slow at it. */
const LOAD = { timeout: patience(120_000) };

test.describe.configure({ timeout: patience(300_000) });

const isPyodideByte = (url: string) =>
  url.includes("/sandbox/pyodide/") || url.includes("python-worker.js");

function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on("request", (r: Request) => urls.push(r.url()));
  return urls;
}

const widget = (page: Page) => page.locator(`section[data-example="${ID}"]`);
const pythonEditor = (ex: Locator) => ex.locator("[data-py-editor-host] .monaco-editor");

async function open(page: Page): Promise<Locator> {
  const ex = widget(page);
  await ex.scrollIntoViewIfNeeded();
  await expect(ex).toHaveAttribute("data-awake", "true");
  return ex;
}

/** Shows the Python panel (a narrow example shows one panel at a time, as tabs). */
async function showPython(ex: Locator): Promise<void> {
  const tab = ex.getByRole("tab", { name: "Python" });
  if (await tab.isVisible()) await tab.click();
}

/** Edit, then adds a last line to the Python (insertText: no auto-closing of brackets). */
async function editPython(page: Page, ex: Locator): Promise<void> {
  await ex.getByRole("button", { name: "Edit", exact: true }).click();
  await showPython(ex);
  await expect(pythonEditor(ex)).toBeVisible(LOAD);
  await expect(ex).toHaveAttribute("data-py-editing", "open");
  await pythonEditor(ex).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.insertText(EDIT);
  await expect(ex).toHaveAttribute("data-py-edit-state", "edited");
}

const saved = (page: Page) =>
  page.evaluate((id) => localStorage.getItem(`asyncio-live:edit:${id}.py`), ID);

test("the Python edit is saved, kept by a reload, carried by a share link and undone by Reset, with no Pyodide byte", async ({
  page,
  context,
  browser,
}) => {
  const urls = recordRequests(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(CHAPTER);
  let ex = await open(page);
  await editPython(page, ex);
  await expect(ex.locator("[data-py-edit-marks]")).toHaveText("edited");
  // Saved as typed (debounced): wait for the store, not for a guess at the delay.
  await expect.poll(() => saved(page)).toContain(MARK);
  // The TypeScript was not touched.
  await expect(ex).toHaveAttribute("data-edit-state", "original");

  await page.reload();
  ex = await open(page);
  await showPython(ex);
  await expect(ex).toHaveAttribute("data-py-edit-state", "edited");
  await expect(ex.locator("[data-py-editor-host]")).toContainText(MARK);
  await expect(ex.locator("[data-py-code]")).toBeHidden();

  await ex.getByRole("button", { name: "Share", exact: true }).click();
  await expect(ex.getByText("Link copied", { exact: false })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`#share=${ID}:`);
  // Another reader, with nothing saved: the link shows the Python, and the TypeScript as is.
  const theirs = await browser.newContext();
  const other = await theirs.newPage();
  await other.goto(link);
  const shared = await open(other);
  await showPython(shared);
  await expect(shared).toHaveAttribute("data-py-edit-state", "shared");
  await expect(shared.locator("[data-py-editor-host]")).toContainText(MARK);
  await expect(shared).toHaveAttribute("data-edit-state", "original");
  await expect(shared.locator("[data-notice]")).toContainText("Python: This example shows code");
  await theirs.close();

  await ex.getByRole("button", { name: "Reset", exact: true }).click();
  await expect(ex).toHaveAttribute("data-py-edit-state", "original");
  await expect(ex.locator("[data-py-code]")).toBeVisible();
  await expect(ex.locator("[data-py-editor-host]")).toBeHidden();
  await expect.poll(() => saved(page)).toBeNull();
  await expect(ex.getByRole("button", { name: "Undo" })).toBeVisible();

  expect(urls.filter(isPyodideByte)).toEqual([]);
});

test("Run Python runs the edited Python, says its version, and Compare marks where the two programs differ", async ({
  page,
}) => {
  await page.goto(CHAPTER);
  const ex = await open(page);
  const output = ex.getByRole("log", { name: "Output" });
  const status = output.locator(".out-status");
  const compare = ex.locator("[data-compare]");
  await ex.getByLabel("Speed").selectOption("instant");

  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(status).toContainText("Finished");
  // One side alone: nothing to compare yet.
  await expect(compare).toBeHidden();
  await ex.getByRole("button", { name: "Run Python" }).click();
  await expect(status).toContainText("Finished", LOAD);

  // The version is the interpreter's own; the panel speaks up only where it shows another.
  const runtime = output.locator("[data-python-runtime]");
  await expect(runtime).toHaveText(/^Python \d+\.\d+\.\d+ \(Pyodide\)$/);
  const version = (await runtime.getAttribute("data-python-runtime")) ?? "";
  const minor = version.split(".").slice(0, 2).join(".");
  const shown = (await ex.locator("[data-py-versions]").getAttribute("data-py-versions")) ?? "";
  const note = ex.locator("[data-py-version-note]");
  if (shown.split(" ").includes(minor)) await expect(note).toBeHidden();
  else await expect(note).toContainText(`Run Python runs ${version}`);

  // Unedited, both programs printed the same three lines.
  await expect(compare).toBeVisible();
  await expect(compare).toHaveAttribute("data-kind", "same");
  await expect(compare.locator("[data-compare-verdict]")).toHaveText(/^Same output/);
  await expect(compare.locator("tbody tr")).toHaveCount(3);
  await expect(compare.locator("tbody tr[data-differs]")).toHaveCount(0);
  for (const side of ["typescript", "python"])
    await expect(compare.locator(`[data-compare-timeline="${side}"] > *`)).not.toHaveCount(0);

  // The reader's Python prints one more line: Ctrl+Enter in the Python editor runs it with
  // Run Python (not the TypeScript beside it), and Compare marks that line.
  await editPython(page, ex);
  await page.keyboard.press("Control+Enter");
  await expect(status).toContainText("Finished", LOAD);
  await expect(output.locator(".out-line").last()).toContainText(MARK);
  await expect(compare).toHaveAttribute("data-kind", "differs");
  const differing = compare.locator("tbody tr[data-differs]");
  await expect(differing).toHaveCount(1);
  await expect(differing).toContainText(MARK);
  await expect(differing.locator(".compare-mark")).toHaveText("≠");
  await expect(compare.locator("[data-compare-verdict]")).toHaveText(/1 of 4 lines differ/);
});

/**
 * Replaces the whole Python in the open editor, as a paste: typed text would be indented again
 * by the editor after each line that ends in `:` (a paste is taken as it is).
 */
async function typePython(page: Page, ex: Locator, code: string): Promise<void> {
  await pythonEditor(ex).click();
  await page.keyboard.press("Control+A");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    const paste = new ClipboardEvent("paste", {
      clipboardData: data,
      bubbles: true,
      cancelable: true,
    });
    document.activeElement?.dispatchEvent(paste);
  }, code);
  // Monaco draws spaces as no-break spaces: the last line's text without its indent.
  const last = code.trimEnd().split("\n").at(-1)?.trim() ?? "";
  await expect(ex.locator("[data-py-editor-host] .view-lines")).toContainText(last);
}

/** The line number beside the Python editor's error squiggle (its line, as the reader sees it). */
async function squiggleLine(ex: Locator): Promise<number | null> {
  const editor = pythonEditor(ex);
  const squiggle = await editor.locator(".squiggly-error").first().boundingBox();
  if (!squiggle) return null;
  const middle = squiggle.y + squiggle.height / 2;
  for (const number of await editor.locator(".line-numbers").all()) {
    const box = await number.boundingBox();
    if (box && middle >= box.y && middle <= box.y + box.height)
      return Number(await number.textContent());
  }
  return null;
}

test("a Python edit's SyntaxError and an exception raised in a task are marked at their lines; an edit clears the mark", async ({
  page,
}) => {
  await page.goto(CHAPTER);
  const ex = await open(page);
  const output = ex.getByRole("log", { name: "Output" });
  const status = output.locator(".out-status");
  await ex.getByLabel("Speed").selectOption("instant");
  await ex.getByRole("button", { name: "Edit", exact: true }).click();
  await showPython(ex);
  await expect(pythonEditor(ex)).toBeVisible(LOAD);

  await typePython(page, ex, "import asyncio\n\nasync def main(:\n    pass\n");
  await page.keyboard.press("Control+Enter");
  await expect(status).toContainText("Failed", LOAD);
  await expect(output).toContainText("SyntaxError");
  await expect(ex).toHaveAttribute("data-py-error-line", "3");
  await expect(pythonEditor(ex).locator(".squiggly-error")).not.toHaveCount(0);
  await expect.poll(() => squiggleLine(ex)).toBe(3);
  // The TypeScript side is not marked: the error is the Python's.
  await expect(ex).not.toHaveAttribute("data-runtime-error-line", /./);

  // The next edit clears the mark.
  await page.keyboard.insertText(" ");
  await expect(ex).not.toHaveAttribute("data-py-error-line", /./);
  await expect(pythonEditor(ex).locator(".squiggly-error")).toHaveCount(0);

  const program = [
    "import asyncio",
    "",
    "async def work():",
    "    await asyncio.sleep(0.1)",
    '    raise ValueError("boom")',
    "",
    "async def main():",
    "    await asyncio.create_task(work())",
    "",
    "asyncio.run(main())",
    "",
  ].join("\n");
  await typePython(page, ex, program);
  await page.keyboard.press("Control+Enter");
  await expect(status).toContainText("Failed", LOAD);
  await expect(output).toContainText("ValueError: boom");
  await expect(output).toContainText("raised at main.py, line 5");
  await expect(ex).toHaveAttribute("data-py-error-line", "5");
  await expect.poll(() => squiggleLine(ex)).toBe(5);
});
