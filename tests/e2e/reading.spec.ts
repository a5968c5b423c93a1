/**
 * The small reading fixes of issue 17: output copies as lines, headings link to themselves and
 * "On this page" marks the section being read, long code folds, and a jump to an example stops
 * below the sticky header on a phone.
 */
import { expect, test } from "@playwright/test";

const CHAPTER = "chapters/why-async/";

test("copying selected output gives one line per output line", async ({ page }) => {
  await page.goto("chapters/gather-vs-wait/");
  const section = page.locator('section[data-example="gw-gather-errors"]');
  await expect(section).toHaveAttribute("data-awake", "true");
  // The recorded output is drawn as it comes near (drawn-near.ts).
  await section.scrollIntoViewIfNeeded();
  await expect(section.locator(".py-output .out-line").first()).toBeVisible();
  const count = await section.locator(".py-output .out-line").count();
  const copied = await page.evaluate(() => {
    const list = document.querySelector(
      'section[data-example="gw-gather-errors"] .py-output .out-lines',
    );
    if (!list) throw new Error("no output list");
    const range = document.createRange();
    range.selectNodeContents(list);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    const data = new DataTransfer();
    document.dispatchEvent(new ClipboardEvent("copy", { clipboardData: data, bubbles: true }));
    return data.getData("text/plain");
  });
  const lines = copied.split("\n");
  expect(count).toBeGreaterThan(1);
  expect(lines).toHaveLength(count);
  for (const line of lines) expect(line).toMatch(/^\+\d+\.\d{3}s {2}\S+ {2}\S/);
});

test("headings link to themselves and “On this page” marks the section being read", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(CHAPTER);
  const toc = page.getByRole("navigation", { name: "On this page" });
  const first = toc.getByRole("link").first();
  await expect(first).toHaveAttribute("aria-current", "true");
  // Not the last: a heading near the page's end cannot scroll up to the header.
  const last = toc.getByRole("link").nth(2);
  const target = (await last.getAttribute("href")) ?? "";
  const heading = page.locator(`[id="${target.slice(1)}"]`);
  await expect(heading.getByRole("link")).toHaveAttribute("href", target);
  await heading.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(toc.locator("[aria-current]")).toHaveText((await last.textContent()) ?? "");
  await expect(toc.locator("[aria-current]")).toHaveCount(1);
});

test("a long panel starts folded and “Show all N lines” unfolds it", async ({ page }) => {
  await page.goto("chapters/async-context-managers/");
  const panel = page.locator('section[data-example="acm-session"] .code-py');
  const pre = panel.locator("pre");
  const toggle = panel.getByRole("button", { name: /^Show all \d+ lines$/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  const folded = (await pre.boundingBox())?.height ?? 0;
  await toggle.click();
  await expect(panel.getByRole("button", { name: "Show fewer lines" })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const open = await pre.evaluate((el) => ({ h: el.clientHeight, full: el.scrollHeight }));
  expect(open.h).toBeGreaterThan(folded * 2);
  expect(open.full).toBeLessThanOrEqual(open.h + 1);
});

test("at 375 px a jump to an example stops below the sticky header", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`${CHAPTER}#hello-gather-title`);
  const header = await page.locator(".site-header").boundingBox();
  const title = page.locator("#hello-gather-title");
  await expect(async () => {
    const box = await title.boundingBox();
    expect(box && header && box.y >= header.y + header.height).toBe(true);
  }).toPass();
});

test("recorded outputs and answers are drawn as they come near; without JavaScript they are in the page", async ({
  page,
  browser,
}) => {
  await page.goto("chapters/synchronisation/");
  const last = page.locator("section[data-example]").last();
  await expect(last).toHaveAttribute("data-awake", "true");
  const recorded = last.locator(".py-output .out-line");
  // Far below the first screen: not drawn yet, so the page starts with fewer elements.
  await expect(recorded).toHaveCount(0);
  await last.scrollIntoViewIfNeeded();
  await expect(recorded.first()).toBeVisible();
  const drawn = await recorded.allTextContents();
  expect(drawn.length).toBeGreaterThan(0);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto("chapters/synchronisation/");
  const same = plain.locator("section[data-example]").last().locator(".py-output .out-line");
  await expect(same.first()).toBeVisible();
  expect(await same.allTextContents()).toEqual(drawn);
  await context.close();
});
