/**
 * The timeline as a table (task, event, time, detail): the same events as the drawing, for
 * readers who do not use a pointer or a screen. Rows are appended as the run goes on, a page
 * at a time, so a run of a hundred thousand events does not build a hundred thousand rows.
 * Print rows are focusable and link to their output line like the marks do.
 */
import { formatTime } from "./axis.ts";
import { count } from "./layout.ts";
import { html } from "./svg.ts";
import type { TimelineModel } from "./timeline-model.ts";

const PAGE = 500;

export class TimelineTable {
  readonly element: HTMLElement;
  readonly #body: HTMLTableSectionElement;
  readonly #more: HTMLButtonElement;
  readonly #note: HTMLElement;
  #shown = 0;
  #limit = PAGE;
  #highlighted: HTMLElement | null = null;
  #highlightIndex: number | null = null;
  #model: TimelineModel | null = null;

  constructor(onPrintHover: (printIndex: number | null) => void) {
    this.element = html("div", "tl-table-wrap");
    this.element.hidden = true;
    // A scrolling region must be reachable by keyboard even when no row is focusable.
    this.element.tabIndex = 0;
    this.element.setAttribute("role", "region");
    this.element.setAttribute("aria-label", "Timeline events");
    this.element.dataset.timelineTable = "";
    const table = html("table", "tl-table");
    table.append(html("caption", "tl-table-caption", "Timeline events in order"));
    const head = html("tr");
    for (const h of ["Task", "Event", "Time", "Detail"]) {
      const th = html("th", undefined, h);
      th.scope = "col";
      head.append(th);
    }
    table.createTHead().append(head);
    this.#body = table.createTBody();
    this.#note = html("p", "tl-table-note");
    this.#more = html("button", "tl-btn", "Show more events");
    this.#more.type = "button";
    this.#more.hidden = true;
    this.#more.addEventListener("click", () => {
      this.#limit += PAGE;
      if (this.#model) this.sync(this.#model);
    });
    this.element.append(table, this.#note, this.#more);
    const link = (e: Event) => {
      const row = (e.target as Element).closest?.("tr[data-print-index]");
      const on = e.type === "focusin" || e.type === "pointerover";
      onPrintHover(row && on ? Number(row.getAttribute("data-print-index")) : null);
    };
    for (const type of ["focusin", "focusout", "pointerover", "pointerout"]) {
      this.#body.addEventListener(type, link);
    }
  }

  reset(): void {
    this.#body.replaceChildren();
    this.#shown = 0;
    this.#limit = PAGE;
    this.#highlighted = null;
    this.#highlightIndex = null;
    this.#more.hidden = true;
    this.#note.textContent = "";
  }

  /** Appends the model's rows not yet shown, up to the current page limit. */
  sync(model: TimelineModel): void {
    this.#model = model;
    const rows = model.rows;
    const end = Math.min(rows.length, this.#limit);
    if (end > this.#shown) {
      const frag = document.createDocumentFragment();
      for (let i = this.#shown; i < end; i++) {
        const r = rows[i]!;
        const tr = html("tr");
        tr.dataset.timelineRow = r.laneKey;
        if (r.printIndex !== null) {
          tr.dataset.printIndex = String(r.printIndex);
          tr.tabIndex = 0;
          if (r.printIndex === this.#highlightIndex) {
            tr.classList.add("is-hl");
            this.#highlighted = tr;
          }
        }
        tr.append(
          html("td", undefined, r.label),
          html("td", undefined, r.event),
          html("td", "tl-num", formatTime(r.t)),
          html("td", "tl-detail", r.detail),
        );
        frag.append(tr);
      }
      this.#body.append(frag);
      this.#shown = end;
    }
    const hidden = rows.length - this.#shown;
    this.#more.hidden = hidden <= 0;
    this.#note.textContent =
      hidden > 0 ? `Showing ${count(this.#shown)} of ${count(rows.length)} events.` : "";
  }

  highlight(printIndex: number | null): void {
    this.#highlightIndex = printIndex;
    this.#highlighted?.classList.remove("is-hl");
    this.#highlighted =
      printIndex === null
        ? null
        : this.#body.querySelector<HTMLElement>(`tr[data-print-index="${printIndex}"]`);
    this.#highlighted?.classList.add("is-hl");
  }
}
