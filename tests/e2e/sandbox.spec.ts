/**
 * The sandbox holds: reader code (opened here through share links, the way a reader would get
 * someone else's code) cannot freeze the page, flood it, inject HTML, or reach storage or the
 * network; its errors are reported with their line.
 */
import type { Dialog } from "@playwright/test";
import { SHOWN_ROWS } from "../../src/playground/example/output-window.ts";
import { patience } from "./patience.ts";
import { CHAPTER, COMPILE, openShared } from "./sandbox-run.ts";
import { expect, test } from "./shared-page.ts";

// One page per worker (shared-page.ts): the compiler for shared code is loaded once.
test.describe.configure({ timeout: patience(60_000) });

test("an endless synchronous loop is stopped, the page stays responsive, and the next Run works", async ({
  sharedPage: page,
}) => {
  const { ex, output } = await openShared(page, 'print("start");\nwhile (true) {}\n');
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("start", COMPILE);
  expect(await page.evaluate(() => document.title.length > 0)).toBe(true);
  await expect(output.locator(".out-status")).toContainText("Timed out", {
    timeout: patience(15_000),
  });
  await ex.getByRole("button", { name: "Reset" }).click();
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("Finished in 2.000s");
});

test("an output flood is capped", async ({ sharedPage: page }) => {
  const { ex, output } = await openShared(page, 'let i = 0;\nwhile (true) print("line", i++);\n');
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output.locator(".out-status")).toContainText(
    "printed more than 5,000 lines",
    COMPILE,
  );
  // The page keeps only the latest lines and says how many earlier ones it does not show.
  expect(await output.locator(".out-line").count()).toBeLessThanOrEqual(SHOWN_ROWS);
  await expect(output.locator("[data-out-omitted]")).toHaveText(
    new RegExp(`^[\\d,]+ earlier lines are not shown \\(the latest ${SHOWN_ROWS} are\\)$`),
  );
  await expect(output.locator(".out-line").last()).toContainText(/line \d+/);
});

test("printed markup is shown as text and never runs", async ({ sharedPage: page }) => {
  let dialogs = 0;
  const onDialog = (d: Dialog) => {
    dialogs += 1;
    void d.dismiss();
  };
  page.on("dialog", onDialog);
  const { ex, output } = await openShared(
    page,
    'print("<img src=x onerror=alert(1)>");\nconsole.log("<b>bold</b><script>alert(2)</script>");\n',
  );
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("Finished", COMPILE);
  await expect(output.locator(".out-line").first().locator(".text")).toHaveText(
    "<img src=x onerror=alert(1)>",
  );
  await expect(output.locator("img, b, script")).toHaveCount(0);
  page.off("dialog", onDialog);
  expect(dialogs).toBe(0);
});

test("a thrown error is reported with its line in the reader's code", async ({
  sharedPage: page,
}) => {
  const { ex, output } = await openShared(
    page,
    'import * as asyncio from "asyncio";\nasync function main() {\n  await asyncio.sleep(1);\n  throw new TypeError("bad value");\n}\nasyncio.run(main);\n',
  );
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("Failed in 1.000s", COMPILE);
  await expect(output).toContainText("TypeError: bad value");
  await expect(output).toContainText("main.ts:4:");
});

test("an error at the top level is reported with its line", async ({ sharedPage: page }) => {
  const { ex, output } = await openShared(page, 'print("one");\nnull.x;\n');
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("TypeError", COMPILE);
  await expect(output).toContainText("main.ts:2:");
  await expect(output.locator(".out-status")).toContainText("Failed");
});

test("an unhandled rejection is reported, not swallowed", async ({ sharedPage: page }) => {
  const { ex, output } = await openShared(
    page,
    'Promise.reject(new RangeError("nobody caught me"));\nsetTimeout(() => print("later"), 10);\n',
  );
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output).toContainText("Unhandled rejection RangeError: nobody caught me", COMPILE);
  await expect(output).toContainText("later");
});

test("reader code cannot reach the site's storage, cookies or the network", async ({
  page,
  context,
}) => {
  // Chromium reports a request it then blocks by CSP; what matters is that none completes.
  const completed: string[] = [];
  const failed: string[] = [];
  context.on("requestfinished", (r) => completed.push(r.url()));
  context.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await page.goto(CHAPTER);
  await context.addCookies([{ name: "session", value: "site-cookie", url: page.url() }]);
  await page.evaluate(() => localStorage.setItem("secret", "site data"));
  const probe = `
const tries: [string, () => unknown][] = [
  ["localStorage", () => (globalThis as any).localStorage.getItem("secret")],
  ["sessionStorage", () => (globalThis as any).sessionStorage.getItem("secret")],
  ["cookies", () => (globalThis as any).document.cookie],
  ["indexedDB", () => (globalThis as any).indexedDB.open("x")],
  ["parent page", () => (globalThis as any).parent.document.title],
];
for (const [name, f] of tries) {
  try { print(name + ": READ " + String(f())); } catch (e) { print(name + ": blocked"); }
}
const net: [string, () => Promise<unknown>][] = [
  ["fetch", () => fetch(location.origin + "/asyncio-live/")],
  ["XMLHttpRequest", () => new Promise((ok, no) => { const x = new XMLHttpRequest(); x.onload = ok; x.onerror = no; x.open("GET", "http://127.0.0.1:4329/asyncio-live/"); x.send(); })],
  ["import", () => { const url = "http://127.0.0.1:4329/asyncio-live/favicon.svg?probe"; return import(url); }],
  ["WebSocket", () => new Promise((ok, no) => { const w = new WebSocket("ws://127.0.0.1:4329/"); w.onopen = ok; w.onerror = no; })],
];
for (const [name, f] of net) {
  try { await f(); print(name + ": REACHED"); } catch { print(name + ": blocked"); }
}
`;
  const { ex, output } = await openShared(page, probe);
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(output.locator(".out-status")).toContainText("Finished", COMPILE);
  const texts = await output.locator(".out-line .text").allTextContents();
  expect(texts).toEqual([
    "localStorage: blocked",
    "sessionStorage: blocked",
    "cookies: blocked",
    "indexedDB: blocked",
    "parent page: blocked",
    "fetch: blocked",
    "XMLHttpRequest: blocked",
    "import: blocked",
    "WebSocket: blocked",
  ]);
  expect(completed.filter((u) => u.includes("probe") || u.startsWith("ws:"))).toEqual([]);
  for (const f of failed.filter((u) => u.includes("probe"))) expect(f).toMatch(/csp/i);
});
