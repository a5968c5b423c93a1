/**
 * Reading on every screen (issue 17): at 1280×800 and 1920×1080 no example's code panel
 * clips a line of 88 characters or fewer (wide examples reach past the prose column, and
 * stand side by side only when both panels fit); at 375×812 no page is wider than the
 * viewport, and no timeline cuts an axis label.
 *
 * Cheap by design: one browser context per viewport, the pages one after another, one
 * `page.evaluate` per page for the measuring (no Playwright round trip per element), and no
 * Run or Edit.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { DRAWN_EVENT } from "../../src/playground/drawn-near.ts";
import { chapterInfos } from "./chapters.ts";

const chapters = chapterInfos();
/** Lines up to this long must be seen whole; longer ones may scroll. */
const WHOLE_LINE = 88;

async function withViewport(
  browser: Browser,
  width: number,
  height: number,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    await use(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Every widget has woken (its tabs follow the layout), so what is measured is what is drawn. */
async function widgetsAwake(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>("section[data-example]")].every(
      (s) => s.dataset["awake"] === "true",
    ),
  );
}

/**
 * In the page: the lines of at most `whole` characters that end past their panel's visible
 * edge, in every example, the hidden tab's panel included (shown for the measuring, then hidden
 * again, all in one task, so nothing is painted). Also how many lines were measured.
 */
function clippedLines(whole: number): { measured: number; clipped: string[] } {
  const inactive = [...document.querySelectorAll<HTMLElement>(".code-panel[data-inactive]")];
  for (const p of inactive) p.removeAttribute("data-inactive");
  const clipped: string[] = [];
  let measured = 0;
  try {
    for (const pre of document.querySelectorAll<HTMLElement>(".example pre.astro-code")) {
      const box = pre.getBoundingClientRect();
      if (box.width === 0) continue;
      const edge = box.right - Number.parseFloat(getComputedStyle(pre).borderRightWidth);
      const id = pre.closest<HTMLElement>("[data-example]")?.dataset["example"];
      const lang = pre.closest(".code-py") ? "py" : "ts";
      // The code is one text node (src/lib/flat-code.ts): each line is a range of it.
      const node = pre.querySelector("code")?.firstChild;
      if (!(node instanceof Text)) throw new Error(`${id} ${lang}: the code is not one text node`);
      let start = 0;
      node.data.split("\n").forEach((text, i) => {
        const end = start + text.length;
        const from = start;
        start = end + 1;
        if ([...text].length > whole || text.length === 0) return;
        measured += 1;
        const line = new Range();
        line.setStart(node, from);
        line.setEnd(node, end);
        // Where the line ends with the panel scrolled to its start.
        const right = line.getBoundingClientRect().right + pre.scrollLeft;
        if (right > edge + 0.5)
          clipped.push(
            `${id} ${lang} line ${i + 1} (${[...text].length} chars) ends ${Math.round(right - edge)} px past the edge`,
          );
      });
    }
  } finally {
    for (const p of inactive) p.setAttribute("data-inactive", "");
  }
  return { measured, clipped };
}

/** The desktop sizes measured, each chapter loaded once: the measure reads the layout anew. */
const DESKTOPS = [
  [1280, 800],
  [1920, 1080],
] as const;

// Each chapter is loaded once for both checks (a chapter load is most of their time).
test(`at ${DESKTOPS.map(([w, h]) => `${w}×${h}`).join(" and ")} no code panel clips a line of ${WHOLE_LINE} characters or fewer; at ${DESKTOPS[0].join("×")} CPython's output appears without moving the run controls below it`, async ({
  browser,
}) => {
  test.slow(); // every chapter, one after another
  const [first] = DESKTOPS;
  await withViewport(browser, first[0], first[1], async (page) => {
    const clipped: string[] = [];
    const measured = new Map<string, number>();
    const moves = { measured: 0, moved: [] as string[] };
    for (const c of chapters) {
      await page.setViewportSize({ width: first[0], height: first[1] });
      await page.goto(`chapters/${c.id}/`);
      await widgetsAwake(page);
      // Both desktop sizes are wider than the phone breakpoint, where the page's one
      // width-dependent script acts at load (the folded chapter list): a resize shows what a
      // load at that size would.
      for (const [width, height] of DESKTOPS) {
        await page.setViewportSize({ width, height });
        const r = await page.evaluate(clippedLines, WHOLE_LINE);
        const size = `${width}×${height}`;
        measured.set(size, (measured.get(size) ?? 0) + r.measured);
        clipped.push(...r.clipped.map((line) => `${size} ${c.id}: ${line}`));
      }
      // Back at the first size, the outputs are drawn (after the measures: they move no code).
      await page.setViewportSize({ width: first[0], height: first[1] });
      await recordEditMoves(page, c.id, moves);
    }
    for (const [size, lines] of measured) {
      console.log(`layout ${size}: ${lines} lines measured`);
      // A check that measured nothing would pass for nothing.
      expect(lines, size).toBeGreaterThan(1000);
    }
    expect(clipped).toEqual([]);
    expectNoEditMoved(first.join("×"), moves);
  });
});

/** In the page: how much wider than the viewport the page is, and what sticks out. */
function overflow(): { extra: number; culprits: string[] } {
  const root = document.documentElement;
  const width = root.clientWidth;
  const found = new Set<Element>();
  if (root.scrollWidth > width) {
    // The outermost elements past the edge that no scrolling box of their own contains.
    const contained = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (found.has(a) || getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      if (found.size < 5 && el.getBoundingClientRect().right > width + 0.5 && !contained(el))
        found.add(el);
    }
  }
  const culprits = [...found].map(
    (el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 60)}`,
  );
  return { extra: root.scrollWidth - width, culprits };
}

// Each chapter is loaded once for both checks; the width is measured with the outputs drawn.
test("at 375×812 CPython's output appears without moving the run controls below it, and no page is wider than the viewport", async ({
  browser,
}) => {
  test.slow(); // every chapter, one after another
  await withViewport(browser, 375, 812, async (page) => {
    const wide: string[] = [];
    const moves = { measured: 0, moved: [] as string[] };
    for (const path of ["./", "no-such-page/", ...chapters.map((c) => `chapters/${c.id}/`)]) {
      await page.goto(path);
      await widgetsAwake(page);
      if (path.startsWith("chapters/")) await recordEditMoves(page, path, moves);
      const r = await page.evaluate(overflow);
      if (path === "no-such-page/")
        await expect(page.getByRole("main")).toContainText("Try the list of chapters");
      if (r.extra > 0) wide.push(`${path}: ${r.extra} px too wide (${r.culprits.join("; ")})`);
    }
    expect(wide).toEqual([]);
    expectNoEditMoved("375×812", moves);
  });
});

test("at 375×812 no timeline cuts an axis label", async ({ browser }) => {
  // Coroutines has timelines in examples, in an exercise and with labels like "500 ms".
  await withViewport(browser, 375, 812, async (page) => {
    await page.goto("chapters/coroutines/");
    await widgetsAwake(page);
    // Shown ones only: a Predict hides its example's recorded timeline until it is answered.
    const hosts = page.locator("[data-timeline-host]");
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll("[data-timeline-host]")].flatMap((h, i) =>
        getComputedStyle(h).display === "none" ? [] : [i],
      ),
    );
    expect(shown.length).toBeGreaterThan(3);
    // Timelines are drawn when they scroll near.
    for (const i of shown) await hosts.nth(i).scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.evaluate((indices) => {
          const all = document.querySelectorAll("[data-timeline-host]");
          return indices.filter((i) => all[i]?.querySelector(".tl-tick-label")).length;
        }, shown),
      )
      .toBe(shown.length);
    const cut = await page.evaluate(() => {
      const out: string[] = [];
      for (const label of document.querySelectorAll<SVGTextElement>(".tl-tick-label")) {
        const box = label.getBoundingClientRect();
        const scroller = label.closest(".tl-scroll")?.getBoundingClientRect();
        if (scroller && (box.left < scroller.left - 0.5 || box.right > scroller.right + 0.5))
          out.push(
            `${label.closest<HTMLElement>("[data-example]")?.dataset["example"]}: "${label.textContent}"`,
          );
      }
      return out;
    });
    expect(cut).toEqual([]);
  });
});

/**
 * In the page: for each example whose CPython output is still to be drawn, scrolls its Edit to
 * the middle of the viewport, waits for the output to be drawn and says how far Edit moved in
 * its example: what the example's own code and output do when drawn. (What is drawn above the
 * example, an earlier example's timeline, the browser's scroll anchoring keeps from moving the
 * viewport, to within its rounding of the scroll position to a pixel, so a move measured on
 * the viewport would be that rounding as often as a defect.)
 */
async function editMoves(drawnEvent: string): Promise<{ id: string; moved: number }[]> {
  const out: { id: string; moved: number }[] = [];
  for (const section of document.querySelectorAll<HTMLElement>("section[data-example]")) {
    const output = section.querySelector<HTMLElement>(".py-output");
    const edit = section.querySelector<HTMLElement>('[data-action="edit"]');
    // A hidden output (a Predict's, until it is checked) is not drawn by coming near.
    if (!output?.querySelector("noscript[data-draw-near]") || !edit) continue;
    if (!output.checkVisibility()) continue;
    const drawn = new Promise((done) => output.addEventListener(drawnEvent, done, { once: true }));
    edit.scrollIntoView({ block: "center" });
    const at = () => edit.getBoundingClientRect().top - section.getBoundingClientRect().top;
    const before = at();
    await drawn;
    out.push({ id: section.dataset["example"] ?? "", moved: at() - before });
  }
  return out;
}

/**
 * Outputs are drawn as they come near (drawn-near.ts); a jump to an example draws its output
 * after the scroll, under a pointer already on its way to Edit. The panel keeps the room of its
 * lines until then, and a code block the height of its lines, so Edit stays where it was (the
 * first output moved it 38 px before, and the first exercise's code 330 px; at 375 px wrapped
 * output lines moved it up to 950 px). Collects, for the chapter loaded in `page`, how many
 * outputs were drawn and which moved Edit.
 */
async function recordEditMoves(
  page: Page,
  chapter: string,
  tally: { measured: number; moved: string[] },
): Promise<void> {
  const moves = await page.evaluate(editMoves, DRAWN_EVENT);
  tally.measured += moves.length;
  // Less than a pixel of rounding is not a move (lines are laid out in 1/64 px).
  for (const m of moves)
    if (Math.abs(m.moved) >= 1) tally.moved.push(`${chapter} ${m.id}: ${Math.round(m.moved)} px`);
}

function expectNoEditMoved(size: string, tally: { measured: number; moved: string[] }): void {
  console.log(`layout ${size}: ${tally.measured} outputs drawn, ${tally.moved.length} moved Edit`);
  expect(tally.measured, size).toBeGreaterThan(100);
  expect(tally.moved, size).toEqual([]);
}
