/**
 * Issue #5, "Edit examples live", in real Chromium against the built site.
 *
 * The widget contract these tests rely on (see src/playground/editor/index.ts):
 * `section[data-example="<id>"]` with buttons named Edit, Run, Reset, Share, Stop, the output
 * `role="log"` named "Output", the highlighted TypeScript `[data-ts-code]` and the editor host
 * `[data-editor-host]`; the editor controller sets `data-edit-state`, `data-editing`,
 * `data-compile-error-line` and `data-runtime-error-line` on the section.
 *
 * Which page: the first chapter that places an `<Example id="…">`, or EDITOR_E2E_PAGE (a path
 * under baseURL) and EDITOR_E2E_EXAMPLE (its example id) when set (the editor harness in
 * bench/editor-harness uses these).
 */
import { readdirSync, readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { encodeShareHash } from "../../src/playground/editor/share-link.ts";
import { chapterPageTest } from "./chapter-page.ts";
import { patience } from "./patience.ts";
import { settled } from "./settled.ts";

function target(): { path: string; id: string } | null {
  const path = process.env.EDITOR_E2E_PAGE;
  const id = process.env.EDITOR_E2E_EXAMPLE;
  if (path && id) return { path, id };
  const dir = "content/chapters";
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".mdx"))
    .sort()) {
    const m = /<Example\s[^>]*id=["']([^"']+)["']/.exec(readFileSync(`${dir}/${f}`, "utf8"));
    if (m?.[1])
      return { path: `chapters/${f.replace(/\.mdx$/, "").replace(/^\d+-/, "")}/`, id: m[1] };
  }
  return null;
}

const TARGET = target();
if (!TARGET)
  throw new Error(
    "editor.spec: no chapter places an <Example id=…> yet, so there is nothing to edit.",
  );
const { path: PAGE, id: ID } = TARGET;
/** Tests that only edit, run and look share one page per worker (chapter-page.ts). */
const test = chapterPageTest(PAGE);

/** Chunk names that only the editor (Monaco) or the compiler (esbuild) bring. */
const EDITOR_BYTES =
  /monaco|editor\.api|editor\.worker|ts\.worker|tsMode|codicon|esbuild|\.wasm(\?|$)/i;

const widget = (page: Page) => page.locator(`section[data-example="${ID}"]`);
const button = (page: Page, name: string) =>
  widget(page).getByRole("button", { name, exact: true });
const output = (page: Page) => widget(page).getByRole("log", { name: "Output" });
const editorInput = (page: Page): Locator =>
  widget(page).locator("[data-editor-host] .monaco-editor");

async function openEditor(page: Page): Promise<void> {
  await button(page, "Edit").click();
  await expect(editorInput(page)).toBeVisible();
  await expect(widget(page)).toHaveAttribute("data-editing", "open");
}

/** Puts `text` at the very start of the code (insertText: no auto-closing of brackets). */
async function insertAtStart(page: Page, text: string): Promise<void> {
  await editorInput(page).click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.insertText(text);
}

test("the chapter loads no Monaco or esbuild bytes until Edit is pressed", async ({ page }) => {
  const loaded: string[] = [];
  page.on("response", (r) => loaded.push(r.url()));
  await page.goto(PAGE);
  await settled(page);
  expect(loaded.filter((u) => EDITOR_BYTES.test(u))).toEqual([]);
  await openEditor(page);
  // The pattern really names the editor's files: after Edit, they are there.
  expect(loaded.some((u) => EDITOR_BYTES.test(u))).toBe(true);
});

test("Edit, type, Run shows the new output; every request stays on the site", async ({
  chapterPage: { page, offSite },
}) => {
  await openEditor(page);
  await insertAtStart(page, 'print("edited-7d1f");\n');
  await expect(widget(page)).toHaveAttribute("data-edit-state", "edited");
  await expect(widget(page).locator("[data-edit-marks]")).toHaveText(/edited/);
  await button(page, "Run").click();
  await expect(output(page)).toContainText("edited-7d1f");
  // Ctrl+Enter runs too.
  await insertAtStart(page, 'print("again-2c9e");\n');
  await editorInput(page).click();
  await page.keyboard.press("Control+Enter");
  await expect(output(page)).toContainText("again-2c9e");
  // Every request of the page, from its load on (and of the tests before on it).
  expect(offSite).toEqual([]);
});

test("a type error shows a marker; a syntax error shows in the output with its line", async ({
  chapterPage: { page },
}) => {
  await openEditor(page);
  await insertAtStart(page, 'const n: number = "text";\n');
  // The TypeScript service starts when idle, then marks the error.
  await expect(widget(page).locator(".squiggly-error").first()).toBeVisible();

  await insertAtStart(page, "\nlet broken = ;\n");
  await button(page, "Run").click();
  await expect(output(page)).toContainText(/main\.ts:2:\d+: error:/);
  await expect(widget(page)).toHaveAttribute("data-compile-error-line", "2");
});

test("a runtime error points at the edited line", async ({ chapterPage: { page } }) => {
  await openEditor(page);
  await insertAtStart(page, '\n\nthrow new Error("boom-5e1a");\n');
  await button(page, "Run").click();
  await expect(output(page)).toContainText("boom-5e1a");
  await expect(widget(page)).toHaveAttribute("data-runtime-error-line", "3");
});

test("a runtime error in shared code is marked in place, without loading the editor, and in the editor once opened", async ({
  page,
}) => {
  const editorChunks: string[] = [];
  page.on("request", (r) => {
    if (/monaco|editor\.api|codicon/i.test(r.url())) editorChunks.push(r.url());
  });
  const code = 'print("before");\n\nthrow new Error("boom-77c1");\n';
  await page.goto(`${PAGE}${encodeShareHash(ID, code)}`);
  await expect(widget(page)).toHaveAttribute("data-edit-state", "shared", {
    timeout: patience(90_000),
  });
  await widget(page).getByLabel("Speed").selectOption("instant");
  await button(page, "Run").click();
  await expect(output(page)).toContainText("boom-77c1", { timeout: patience(60_000) });
  await expect(widget(page)).toHaveAttribute("data-runtime-error-line", "3");
  const plain = widget(page).locator("pre[data-edited-code]");
  await expect(plain).toHaveAttribute("data-error-line", "3");
  await expect(plain).toHaveAttribute("title", /^Line 3: .*boom-77c1/);
  expect(editorChunks, "the run loaded no editor").toEqual([]);

  await button(page, "Edit").click();
  await expect(widget(page).locator(".squiggly-error").first()).toBeVisible({
    timeout: patience(60_000),
  });
  // Reset goes back to the original code, which has no mark.
  await button(page, "Reset").click();
  await expect(plain).toHaveCount(0);
});

test("hovers show the asyncio JSDoc with the Python equivalent", async ({
  chapterPage: { page },
}) => {
  test.setTimeout(patience(150_000));
  const source = (await widget(page).locator("[data-ts-code]").textContent()) ?? "";
  test.skip(!source.includes("asyncio.sleep("), "this example does not call asyncio.sleep");
  await openEditor(page);
  // The TypeScript service (a 7 MB worker) starts when the page is idle; on a busy machine that
  // takes a while, so wait for it rather than for a fixed time.
  await expect(widget(page)).toHaveAttribute("data-language-service", "ready", {
    timeout: patience(90_000),
  });
  const sleep = widget(page)
    .locator(".view-line span", { hasText: /^sleep$/ })
    .first();
  await expect(async () => {
    await sleep.hover();
    await expect(page.locator(".monaco-hover").filter({ hasText: "Python" })).toBeVisible({
      timeout: patience(2000),
    });
  }).toPass({ timeout: patience(45_000) });
});

test("a reload keeps the edit; Reset restores the original and Undo brings the edit back", async ({
  page,
}) => {
  await page.goto(PAGE);
  await openEditor(page);
  await insertAtStart(page, "// kept-91b2\n");
  await expect(widget(page)).toHaveAttribute("data-edit-state", "edited");
  await page.reload();
  await expect(widget(page)).toHaveAttribute("data-edit-state", "edited");
  await expect(widget(page).locator("[data-editor-host]")).toContainText("kept-91b2");
  // The kept edit runs through the compiler: pointing at Run starts loading it, not Run itself.
  await expect(widget(page)).not.toHaveAttribute("data-compiler", /./);
  await button(page, "Run").hover();
  await expect(widget(page)).toHaveAttribute("data-compiler", /loading|ready/);

  await button(page, "Reset").click();
  await expect(widget(page)).toHaveAttribute("data-edit-state", "original");
  await expect(widget(page).locator("[data-ts-code]")).toBeVisible();
  await expect(widget(page).locator("[data-ts-code]")).not.toContainText("kept-91b2");
  await widget(page).getByRole("button", { name: "Undo" }).click();
  await expect(widget(page)).toHaveAttribute("data-edit-state", "edited");
  await expect(widget(page).locator("[data-editor-host]")).toContainText("kept-91b2");
  await page.reload();
  await expect(widget(page).locator("[data-editor-host]")).toContainText("kept-91b2");
});

test("Escape leaves the editor and returns focus to Edit", async ({ chapterPage: { page } }) => {
  await openEditor(page);
  await editorInput(page).click();
  await page.keyboard.press("Escape");
  await expect(button(page, "Edit")).toBeFocused();
});

test("the editor follows the page's light/dark theme", async ({ chapterPage: { page } }) => {
  await openEditor(page);
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "dark"));
  await expect(editorInput(page)).toHaveClass(/vs-dark/);
  await page.evaluate(() => document.documentElement.setAttribute("data-theme", "light"));
  await expect(editorInput(page)).not.toHaveClass(/vs-dark/);
});

test("a share link opens the shared code in a new page without running it", async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(PAGE);
  await openEditor(page);
  await insertAtStart(page, 'print("shared-44af");\n');
  await button(page, "Share").click();
  // The link is written once the share codec has loaded: wait for the widget to say so.
  await expect(page.getByText("Link copied", { exact: false })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`#share=${ID}:`);

  // Another reader: a fresh context, with nothing saved.
  const theirs = await browser.newContext();
  const other = await theirs.newPage();
  await other.goto(link);
  await expect(widget(other)).toHaveAttribute("data-edit-state", "shared");
  await expect(widget(other).locator("[data-editor-host]")).toContainText("shared-44af");
  // Followed to be run: the compiler starts at the link, not at Run.
  await expect(widget(other)).toHaveAttribute("data-compiler", "ready");
  await other.waitForTimeout(1000);
  await expect(output(other)).not.toContainText("shared-44af");
  await button(other, "Run").click();
  await expect(output(other)).toContainText("shared-44af");

  // The first reader's own, different edit is not replaced without asking.
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBeGreaterThan(0);
  await insertAtStart(page, "// mine-0b7d\n");
  // Saving is debounced: wait until the edit is stored, not for a guess at the delay.
  await expect
    .poll(() => page.evaluate(() => Object.values(localStorage).join("\n")))
    .toContain("mine-0b7d");
  const again = await context.newPage();
  await again.goto(link);
  await expect(widget(again)).toHaveAttribute("data-edit-state", "conflict");
  await expect(widget(again).locator("[data-editor-host]")).toContainText("mine-0b7d");
  await widget(again).getByRole("button", { name: "Show shared code" }).click();
  await expect(widget(again)).toHaveAttribute("data-edit-state", "shared");
  await expect(widget(again).locator("[data-editor-host]")).not.toContainText("mine-0b7d");
  await theirs.close();
});

test("a damaged share link shows a message and the original example", async ({ page }) => {
  // A fresh load (not a same-page hash change), as when the link is opened from elsewhere.
  await page.goto("about:blank");
  await page.goto(`${PAGE}#share=${ID}:N4IgLgpg7gBATgEwBYEMA`);
  await expect(widget(page)).toContainText(/share link is (damaged|incomplete)/);
  await expect(widget(page)).toHaveAttribute("data-edit-state", "original");
  await expect(widget(page).locator("[data-ts-code]")).toBeVisible();
});
