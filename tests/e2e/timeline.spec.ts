/**
 * The timeline a reader can read (issue 17, item 4), in real Chromium on the load tester (62
 * tasks): the pre-run drawing says it is CPython's recorded run and lays lanes out as the
 * live run does; zoom and pan change the time range shown (buttons, keys, Ctrl + wheel); the
 * default fits the activity; long names are whole in the title and the table.
 */
import { expect, type Locator, type Page, test } from "@playwright/test";
import { axe, summary } from "./axe.ts";
import { patience } from "./patience.ts";

const CHAPTER = "chapters/case-study-load-tester/";
const EXAMPLE = 'section[data-example="load-tester"]';

async function openTimeline(page: Page): Promise<{ ex: Locator; tl: Locator }> {
  await page.goto(CHAPTER);
  const ex = page.locator(EXAMPLE);
  // The timeline is drawn as it comes near; the example is taller than the window (its output
  // keeps its room until drawn), so its top in view does not bring the timeline near.
  await ex.locator("[data-timeline-host]").scrollIntoViewIfNeeded();
  const tl = ex.locator("[data-timeline]");
  await expect(tl).toHaveAttribute("data-timeline-state", "recorded");
  return { ex, tl };
}

async function runInstant(ex: Locator, tl: Locator): Promise<void> {
  await ex.getByLabel("Speed").selectOption("instant");
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(tl).toHaveAttribute("data-timeline-state", "finished", {
    timeout: patience(60_000),
  });
}

/** The lane keys in drawing order (top to bottom), from the labels in the DOM. */
function laneOrder(tl: Locator): Promise<string[]> {
  return tl.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>("[data-timeline-lane-label]")]
      .sort((a, b) => a.offsetTop - b.offsetTop)
      .map((l) => l.dataset["timelineLaneLabel"] ?? ""),
  );
}

/** The time range the plot shows: [start, end] in loop seconds. */
async function shown(tl: Locator): Promise<[number, number]> {
  const w = await tl.getAttribute("data-timeline-window");
  const [a, b] = (w ?? "").split(" ").map(Number);
  return [a!, b!];
}

/** The lane labels as the reader sees them, top to bottom. */
function laneLabels(tl: Locator): Promise<string[]> {
  return tl.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>("[data-timeline-lane-label]")]
      .sort((a, b) => a.offsetTop - b.offsetTop)
      .map((l) => l.textContent ?? ""),
  );
}

test("before Run: titled as CPython 3.14's recorded run (the newest, the default), every task in the order the live run draws them", async ({
  page,
}) => {
  const { ex, tl } = await openTimeline(page);
  const title = tl.getByText("CPython 3.14's run (recorded)", { exact: true });
  await expect(title).toBeVisible();
  await expect(tl.locator("[data-timeline-drawing]")).toHaveAttribute(
    "aria-label",
    /^Timeline: CPython 3\.14's run \(recorded\), 62 tasks /,
  );
  // Only main (Task-1) and the reporter (Task-2) print; the 60 users are silent, yet drawn
  // (those in view: past 40 lanes the list is virtualised).
  const before = await laneOrder(tl);
  expect(before.slice(0, 4)).toEqual(["Task-1", "Task-2", "Task-3", "Task-4"]);
  await runInstant(ex, tl);
  await expect(title).toBeHidden();
  expect(await laneOrder(tl)).toEqual(before);
});

test("a task that never prints has its lane before Run, and Run keeps every lane where it was", async ({
  page,
}) => {
  await page.goto("chapters/gather-vs-wait/");
  const ex = page.locator('section[data-example="gw-wait-basics"]');
  await ex.scrollIntoViewIfNeeded();
  const tl = ex.locator("[data-timeline]");
  await expect(tl).toHaveAttribute("data-timeline-state", "recorded");
  // Its transcript names only Task-1: the four tasks it waits on print nothing.
  const printed = await ex.locator(".py-output .out-line .task").allTextContents();
  expect(new Set(printed.map((t) => t.trim()))).toEqual(new Set(["Task-1"]));
  const before = await laneLabels(tl);
  expect(before).toHaveLength(5);
  expect(before[0]).toBe("Task-1");
  // A silent lane still shows what the task did: its waits.
  await expect(
    tl.locator('[data-timeline-lane="Task-2"] [data-tl^="wait:"]').first(),
  ).toBeAttached();
  await runInstant(ex, tl);
  expect(await laneLabels(tl)).toEqual(before);
});

test("the recorded timeline follows the version chosen in the output panel until a run replaces it", async ({
  page,
}) => {
  // task-names: on 3.11 a task named at creation still uses up a number (the last is Task-4);
  // on 3.13 and 3.14 (the default, the newest) it does not (Task-2).
  await page.goto("chapters/tasks-and-futures/");
  const ex = page.locator('section[data-example="task-names"]');
  await ex.scrollIntoViewIfNeeded();
  const tl = ex.locator("[data-timeline]");
  await expect(tl.getByText("CPython 3.14's run (recorded)", { exact: true })).toBeVisible();
  await expect
    .poll(() => laneLabels(tl))
    .toEqual(["Task-1", "fetch-users", "fetch-orders", "Task-2"]);
  await ex.locator(".py-output").getByLabel("Python version").selectOption("3.11");
  await expect(tl.getByText("CPython 3.11's run (recorded)", { exact: true })).toBeVisible();
  await expect
    .poll(() => laneLabels(tl))
    .toEqual(["Task-1", "Task-2 fetch-users", "Task-3 fetch-orders", "Task-4"]);
  // The run (the runtime follows 3.11) keeps those lanes; a later choice no longer redraws.
  await runInstant(ex, tl);
  expect(await laneLabels(tl)).toEqual([
    "Task-1",
    "Task-2 fetch-users",
    "Task-3 fetch-orders",
    "Task-4",
  ]);
  await ex.locator(".py-output").getByLabel("Python version").selectOption("3.13");
  await expect(tl).toHaveAttribute("data-timeline-state", "finished");
  await expect(tl.getByText(/run \(recorded\)/)).toBeHidden();
});

test("zoom and pan change the time shown: buttons, keys and Ctrl + wheel; 0 and Fit fit again", async ({
  page,
}) => {
  const { ex, tl } = await openTimeline(page);
  await runInstant(ex, tl);
  const fit = await shown(tl);
  const axis = tl.locator(".tl-axis");
  const ticksAtFit = await axis.textContent();

  await tl.getByRole("button", { name: "Zoom in" }).click();
  await expect
    .poll(async () => (await shown(tl))[1] - (await shown(tl))[0])
    .toBeLessThan((fit[1] - fit[0]) * 0.7);
  await expect.poll(() => axis.textContent()).not.toBe(ticksAtFit);
  const zoomed = await shown(tl);

  const drawing = tl.locator("[data-timeline-drawing]");
  await drawing.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => (await shown(tl))[0]).toBeGreaterThan(zoomed[0]);
  await page.keyboard.press("+");
  await expect
    .poll(async () => (await shown(tl))[1] - (await shown(tl))[0])
    .toBeLessThan((zoomed[1] - zoomed[0]) * 0.7);
  await page.keyboard.press("-");
  await page.keyboard.press("-");
  await expect
    .poll(async () => (await shown(tl))[1] - (await shown(tl))[0])
    .toBeGreaterThan((zoomed[1] - zoomed[0]) * 1.1);
  await page.keyboard.press("0");
  await expect.poll(() => shown(tl)).toEqual(fit);
  // Keys pressed faster than frames are drawn still add up: three zoom steps of 1.5.
  for (let i = 0; i < 3; i++) await page.keyboard.press("+");
  await expect
    .poll(async () => (await shown(tl))[1] - (await shown(tl))[0])
    .toBeLessThan((fit[1] - fit[0]) * 0.31);
  await page.keyboard.press("0");
  await expect.poll(() => shown(tl)).toEqual(fit);

  // Ctrl + wheel (what a touchpad pinch sends) zooms in around the pointer.
  const plot = tl.locator(".tl-plot");
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + 20);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect
    .poll(async () => (await shown(tl))[1] - (await shown(tl))[0])
    .toBeLessThan((fit[1] - fit[0]) * 0.7);
  const [a, b] = await shown(tl);
  expect(a, "anchored right of the middle: the start moved").toBeGreaterThan(fit[0]);
  expect(b).toBeLessThanOrEqual(fit[1]);
  await tl.getByRole("button", { name: "Fit to activity" }).click();
  await expect.poll(() => shown(tl)).toEqual(fit);
});

test("a two-finger pinch over the plot zooms in", async ({ browser }) => {
  const context = await browser.newContext({
    hasTouch: true,
    viewport: { width: 800, height: 900 },
  });
  try {
    const page = await context.newPage();
    const { ex, tl } = await openTimeline(page);
    await runInstant(ex, tl);
    const fit = await shown(tl);
    await tl.locator(".tl-plot").scrollIntoViewIfNeeded();
    const box = (await tl.locator(".tl-plot").boundingBox())!;
    const y = box.y + 30;
    const mid = box.x + box.width / 2;
    const cdp = await context.newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", spread: number) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints:
          type === "touchEnd"
            ? []
            : [
                { x: mid - spread, y, id: 1 },
                { x: mid + spread, y, id: 2 },
              ],
      });
    await touch("touchStart", 20);
    for (const spread of [30, 45, 60, 80]) await touch("touchMove", spread);
    await touch("touchEnd", 0);
    await expect
      .poll(async () => (await shown(tl))[1] - (await shown(tl))[0])
      .toBeLessThan((fit[1] - fit[0]) * 0.5);
  } finally {
    await context.close();
  }
});

test("the default fits the activity: marks reach across the plot, none outside it", async ({
  page,
}) => {
  const { ex, tl } = await openTimeline(page);
  await runInstant(ex, tl);
  const extent = await tl.evaluate((root) => {
    const plot = root.querySelector(".tl-plot")!.getBoundingClientRect();
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const m of root.querySelectorAll("[data-tl]")) {
      const r = m.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      min = Math.min(min, r.left - plot.left);
      max = Math.max(max, r.right - plot.left);
    }
    return { min, max, width: plot.width };
  });
  expect(extent.min).toBeGreaterThanOrEqual(0);
  expect(extent.max).toBeLessThanOrEqual(extent.width);
  // Activity spans the plot, not its first 40 px.
  expect(extent.max - extent.min).toBeGreaterThan(extent.width * 0.8);
});

test("names are whole in the title and the table; the table button says what it does", async ({
  page,
}) => {
  await page.goto("chapters/tasks-and-futures/");
  const ex = page.locator('section[data-example="task-names"]');
  await ex.scrollIntoViewIfNeeded();
  const tl = ex.locator("[data-timeline]");
  await expect(tl).toHaveAttribute("data-timeline-state", "recorded");
  // Up to 3.12 a task named at creation still takes a Task-N number, so its label has both.
  await ex.locator(".py-output").getByLabel("Python version").selectOption("3.11");
  await ex.getByLabel("Speed").selectOption("instant");
  await ex.getByRole("button", { name: "Run", exact: true }).click();
  await expect(tl).toHaveAttribute("data-timeline-state", "finished", {
    timeout: patience(60_000),
  });
  const label = tl.locator('[data-timeline-lane-label="Task-2"]');
  await expect(label).toHaveText("Task-2 fetch-users");
  await expect(label).toHaveAttribute("title", "Task-2 fetch-users");

  const toggle = tl.locator('[data-timeline-toggle="table"]');
  await expect(toggle).toHaveText("Show as table");
  await toggle.click();
  await expect(toggle).toHaveText("Show as timeline");
  // The table has no time axis to zoom.
  await expect(tl.getByRole("button", { name: "Zoom in" })).toBeHidden();
  const table = tl.locator("[data-timeline-table]");
  await expect(table).toBeVisible();
  await expect(table.locator("tr", { hasText: "Task-2 fetch-users" }).first()).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveText("Show as table");
  await expect(table).toBeHidden();
  await expect(tl.locator("[data-timeline-drawing]")).toBeVisible();
  await expect(tl.getByRole("button", { name: "Zoom in" })).toBeVisible();
});

test("axe finds no violations in the timeline: recorded, zoomed, and as a table", async ({
  page,
}) => {
  const { ex, tl } = await openTimeline(page);
  const scan = async () => {
    const r = await axe(page, { include: `${EXAMPLE} [data-timeline]` });
    return summary(r.violations);
  };
  expect(await scan()).toEqual([]);
  await runInstant(ex, tl);
  await tl.getByRole("button", { name: "Zoom in" }).click();
  expect(await scan()).toEqual([]);
  await tl.locator('[data-timeline-toggle="table"]').click();
  await expect(tl.locator("[data-timeline-table]")).toBeVisible();
  expect(await scan()).toEqual([]);
});
