/**
 * The Compare panel under an example, once both its TypeScript and its Python have run: a
 * sentence saying whether they printed the same thing, the lines side by side with the
 * differing ones marked (`≠`, as text: everything here is text, never HTML, for the lines
 * are the reader's programs' output), and both runs' timelines one above the other, drawn by
 * the widget's own timeline view. Loaded only when there is something to compare.
 */
import type { TimelineLike } from "../example/timeline-listener.ts";
import { t } from "../strings.ts";
import { type ComparedRun, compareRuns } from "./compare-lines.ts";

/** Rows drawn at most: a flood's comparison is counted in full, shown in part. */
export const MAX_ROWS = 200;

/** Makes a timeline view in `host` (the widget's `createTimeline`). */
export type TimelineFactory = (host: HTMLElement) => TimelineLike;

interface Drawn {
  typescript: TimelineLike;
  python: TimelineLike;
  table: HTMLTableSectionElement;
  verdict: HTMLElement;
}

const drawn = new WeakMap<HTMLElement, Drawn>();

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = "",
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text) e.textContent = text;
  return e;
}

/** The panel's frame, built once per widget: later comparisons reuse it. */
function build(host: HTMLElement, timeline: TimelineFactory): Drawn {
  const title = el("h4", "compare-title", t("compare.title"));
  const verdict = el("p", "compare-verdict");
  verdict.dataset["compareVerdict"] = "";
  verdict.setAttribute("role", "status");
  const table = el("table", "compare-table");
  const head = table.createTHead().insertRow();
  for (const label of ["#", "", t("compare.typescript"), t("compare.python")]) {
    const th = el("th", "", label);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  const scroller = el("div", "compare-lines");
  // Scrolls when long: focusable, so a keyboard can scroll it too.
  scroller.tabIndex = 0;
  scroller.append(table);
  const lane = (language: "typescript" | "python") => {
    const box = el("div", "timeline-host compare-timeline");
    box.dataset["compareTimeline"] = language;
    return box;
  };
  const tsHost = lane("typescript");
  const pyHost = lane("python");
  host.replaceChildren(
    title,
    verdict,
    scroller,
    el("p", "compare-label", t("compare.typescript")),
    tsHost,
    el("p", "compare-label", t("compare.python")),
    pyHost,
  );
  const parts = {
    typescript: timeline(tsHost),
    python: timeline(pyHost),
    table: body,
    verdict,
  };
  drawn.set(host, parts);
  return parts;
}

function draw(view: TimelineLike, run: ComparedRun): void {
  view.reset({ rate: 0 });
  view.push(run.events);
  view.finish(run.t);
}

/**
 * Shows the comparison of the last TypeScript run and the last Python run in `host`.
 * @example
 * showComparison(section.querySelector("[data-compare]"), tsRun, pyRun, (h) => new LazyTimeline(h, () => {}));
 */
export function showComparison(
  host: HTMLElement,
  typescript: ComparedRun,
  python: ComparedRun,
  timeline: TimelineFactory,
): void {
  const parts = drawn.get(host) ?? build(host, timeline);
  const { rows, differing } = compareRuns(typescript, python);
  host.dataset["kind"] = differing === 0 ? "same" : "differs";
  parts.verdict.textContent =
    differing === 0
      ? t("compare.same", { count: rows.length })
      : t("compare.differs", { count: differing, total: rows.length });
  const nothing = t("compare.nothing");
  parts.table.replaceChildren(
    ...rows.slice(0, MAX_ROWS).map((row, i) => {
      const tr = document.createElement("tr");
      if (!row.same) tr.dataset["differs"] = "";
      tr.append(
        el("td", "compare-n", String(i + 1)),
        el("td", "compare-mark", row.same ? "=" : "≠"),
        el("td", "compare-ts", row.typescript ?? nothing),
        el("td", "compare-py", row.python ?? nothing),
      );
      return tr;
    }),
  );
  if (rows.length > MAX_ROWS) {
    const more = parts.table.insertRow();
    const cell = el("td", "compare-more", `… ${rows.length - MAX_ROWS} more lines`);
    cell.colSpan = 4;
    more.append(cell);
  }
  draw(parts.typescript, typescript);
  draw(parts.python, python);
  host.hidden = false;
}
