import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { axe, summary } from "./axe.ts";

const CHAPTER = "chapters/why-async/";
const PREDICT = 'section[data-predict="hello-gather"]';
/** The right order, from CPython's own transcript. */
const RIGHT = readFileSync("content/examples/hello-gather/python.out", "utf8")
  .trimEnd()
  .split("\n")
  .map((l) => l.replace(/^\[[^\]]*\] /, ""));

async function openPredict(page: Page): Promise<Locator> {
  await page.goto(CHAPTER);
  const p = page.locator(PREDICT);
  await p.scrollIntoViewIfNeeded();
  await expect(p.getByRole("button", { name: "Check my answer" })).toBeVisible();
  return p;
}

const lines = (p: Locator) =>
  p.getByRole("list", { name: "Lines in your predicted order" }).getByRole("listitem");

async function shownOrder(p: Locator): Promise<string[]> {
  return lines(p).locator(".predict-text").allTextContents();
}

/** Presses Tab until `target` has the focus (keyboard only), failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached the target");
}

/** Sorts the lines into the right order with ↑/↓ (move focus) and Alt+↑ (move the line). */
async function sortWithKeyboard(page: Page, p: Locator): Promise<void> {
  await tabTo(page, lines(p).first());
  let focus = 0;
  for (let k = 0; k < RIGHT.length; k++) {
    const order = await shownOrder(p);
    const j = order.indexOf(RIGHT[k] as string, k);
    for (; focus < j; focus++) await page.keyboard.press("ArrowDown");
    for (; focus > j; focus--) await page.keyboard.press("ArrowUp");
    for (; focus > k; focus--) {
      await page.keyboard.press("Alt+ArrowUp");
      // The moved line keeps the focus.
      await expect(lines(p).nth(focus - 1)).toBeFocused();
    }
  }
}

test("the lines start shuffled, never in the right order", async ({ page }) => {
  const p = await openPredict(page);
  const order = await shownOrder(p);
  expect([...order].sort()).toEqual([...RIGHT].sort());
  expect(order).not.toEqual(RIGHT);
  await expect(p.locator("[data-predict-reveal]")).toBeHidden();
});

test("keyboard alone: order the lines, guess the time, check: all right", async ({ page }) => {
  test.slow(); // many single key presses, each awaited
  const p = await openPredict(page);
  await sortWithKeyboard(page, p);
  expect(await shownOrder(p)).toEqual(RIGHT);
  await expect(p.locator(".predict-lines + [role=status]")).toContainText(
    /moved to position \d of 7/,
  );

  await tabTo(page, p.getByLabel(/When is the last line printed/));
  await page.keyboard.type("2");
  await tabTo(page, p.getByRole("button", { name: "Check my answer" }));
  await page.keyboard.press("Enter");

  const result = p.locator("[data-predict-result]");
  await expect(result).toContainText("Order: right. All 7 lines are in their places.");
  await expect(result).toContainText(
    "Time: right. You said 2 s; the last line was printed at 2 s.",
  );
  await expect(lines(p).getByText("✓ right place")).toHaveCount(7);
  const reveal = p.locator("[data-predict-reveal]");
  await expect(reveal).toHaveAttribute("open", "");
  await expect(reveal).toContainText("Charlie after 0.5 s");
  await expect(reveal.locator(".predict-transcript li").last()).toContainText(
    /\+2\.000s\s*Task-1\s*Total time: 2\.000 seconds/,
  );
});

test("keyboard alone: a swapped pair and a wrong time are marked wrong, and moving clears the marks", async ({
  page,
}) => {
  test.slow(); // many single key presses, each awaited
  const p = await openPredict(page);
  await sortWithKeyboard(page, p);
  // Swap lines 1 and 2 with the "Move … down" button, pressed from the keyboard.
  const down = p.getByRole("button", { name: `Move “${RIGHT[0]}” down` });
  await tabTo(page, down);
  await page.keyboard.press("Enter");
  await expect(p.getByRole("button", { name: `Move “${RIGHT[0]}” down` })).toBeFocused();
  expect((await shownOrder(p)).slice(0, 2)).toEqual([RIGHT[1], RIGHT[0]]);

  await tabTo(page, p.getByLabel(/When is the last line printed/));
  await page.keyboard.type("3.5");
  await tabTo(page, p.getByRole("button", { name: "Check my answer" }));
  await page.keyboard.press("Space");

  const result = p.locator("[data-predict-result]");
  await expect(result).toContainText("Order: not quite. 5 of 7 lines are in their places");
  await expect(result).toContainText(
    "Time: off. You said 3.5 s; the last line was printed at 2 s.",
  );
  await expect(lines(p).nth(0)).toContainText("✗ wrong place");
  await expect(lines(p).nth(1)).toContainText("✗ wrong place");
  await expect(lines(p).getByText("✓ right place")).toHaveCount(5);

  await lines(p).nth(0).focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(lines(p).getByText(/right place|wrong place/)).toHaveCount(0);
  await expect(result).toBeEmpty();
});

test("a line can be dragged with the mouse", async ({ page }) => {
  const p = await openPredict(page);
  const before = await shownOrder(p);
  const last = lines(p).last();
  const first = lines(p).first();
  const from = await last.locator("[data-grip]").boundingBox();
  const to = await first.boundingBox();
  if (!from || !to) throw new Error("no layout");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + 20, to.y + 4, { steps: 8 });
  await page.mouse.up();
  expect(await shownOrder(p)).toEqual([before[before.length - 1], ...before.slice(0, -1)]);
});

test("axe finds no violations in Predict after checking (light, then dark)", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  const p = await openPredict(page);
  await lines(p).first().focus();
  await page.keyboard.press("Alt+ArrowDown");
  await p.getByLabel(/When is the last line printed/).fill("1");
  await p.getByRole("button", { name: "Check my answer" }).click();
  await expect(p.locator("[data-predict-result]")).toContainText("Order:");
  // The DOM is the same in both schemes: only the colours change, in place.
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
    const results = await axe(page, { include: PREDICT });
    expect(summary(results.violations), scheme).toEqual([]);
    expect(results.passes.length, "rules ran").toBeGreaterThan(0);
  }
});

test("without JavaScript the lines, the answer and the explanation are readable", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(CHAPTER);
  const p = page.locator(PREDICT);
  await expect(lines(p)).toHaveCount(RIGHT.length);
  await expect(p.getByRole("button", { name: "Check my answer" })).toBeHidden();
  await p.getByText("Answer and explanation").click();
  await expect(p.locator(".predict-transcript li")).toHaveCount(RIGHT.length);
  await expect(p.locator(".predict-explanation")).toContainText("Charlie after 0.5 s");
  await context.close();
});

/** The example this Predict is about: its recorded output must wait for the answer too. */
const example = (page: Page) => page.locator('section[data-example="hello-gather"]');

test("before checking, the answer and the example's recorded output and timeline are hidden; an empty answer is not checked", async ({
  page,
}) => {
  const p = await openPredict(page);
  const ex = example(page);
  await expect(p.locator("[data-predict-reveal]")).toBeHidden();
  await expect(ex.locator(".py-output")).toBeHidden();
  await expect(ex.locator("[data-timeline-host]")).toBeHidden();
  await expect(ex.locator("[data-predict-note]")).toContainText("hidden until you check");

  const check = p.getByRole("button", { name: "Check my answer" });
  await expect(check).toHaveAttribute("aria-disabled", "true");
  // Still focusable and pressable (aria-disabled), so it can say why nothing happens.
  await check.focus();
  await page.keyboard.press("Enter");
  await expect(p.locator("[data-predict-result]")).toContainText("Nothing to check yet");
  await expect(lines(p).getByText(/right place|wrong place/)).toHaveCount(0);
  await expect(p.locator("[data-predict-reveal]")).toBeHidden();
  await expect(ex.locator(".py-output")).toBeHidden();
});

test("a wrong answer earns one retry with a hint; the second check shows the answer", async ({
  page,
}) => {
  const p = await openPredict(page);
  const ex = example(page);
  await lines(p).first().focus();
  await page.keyboard.press("Alt+ArrowDown");
  // Far off, so the answer is wrong whatever the order.
  await p.getByLabel(/When is the last line printed/).fill("99");
  const check = p.getByRole("button", { name: "Check my answer" });
  await expect(check).not.toHaveAttribute("aria-disabled", "true");
  await check.click();

  await expect(p.locator("[data-predict-result]")).toContainText("Time: off.");
  await expect(p.locator("[data-predict-hint]")).toContainText(/Hint: (line \d+ is “|the last)/);
  await expect(p.locator("[data-predict-reveal]")).toBeHidden();
  await expect(ex.locator(".py-output")).toBeHidden();

  await p.getByRole("button", { name: "Check again" }).click();
  const reveal = p.locator("[data-predict-reveal]");
  await expect(reveal).toBeVisible();
  await expect(reveal).toHaveAttribute("open", "");
  await expect(p.locator("[data-predict-hint]")).toBeEmpty();
  await expect(ex.locator(".py-output")).toBeVisible();
  await expect(ex.locator("[data-timeline-host]")).toBeVisible();
  await expect(ex.locator("[data-predict-note]")).toHaveCount(0);
});

test("“Show me the answer” gives up: the answer and the example's output show at once", async ({
  page,
}) => {
  const p = await openPredict(page);
  await p.getByRole("button", { name: "Show me the answer" }).click();
  await expect(p.locator("[data-predict-reveal]")).toHaveAttribute("open", "");
  await expect(p.locator(".predict-transcript li")).toHaveCount(RIGHT.length);
  await expect(example(page).locator(".py-output")).toBeVisible();
  await expect(p.getByRole("button", { name: "Show me the answer" })).toBeHidden();
});
