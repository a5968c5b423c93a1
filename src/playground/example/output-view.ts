/**
 * The run's output: one line per printed line, stamped like Python's, appended at most once per
 * animation frame, always as text (never HTML), with errors and the final status line. Until
 * the first line it says what is happening (loading the compiler, compiling, starting), so a
 * Run never looks like it did nothing. A flood keeps only its latest rows on the page
 * (`OutputWindow`), under a line that counts the earlier ones.
 */
import type { ParsedLine } from "../../runtime/asyncio/transcript.ts";
import type { ReaderError } from "../editor/run-plan.ts";
import { formatStamp, type LineParts, lineParts } from "../stamp.ts";
import { t } from "../strings.ts";
import { OutputWindow } from "./output-window.ts";
import { errorLine, placeName } from "./reader-error.ts";
import type {
  RunBatch,
  RunErrorNote,
  RunListener,
  RunOutcome,
  RunPhase,
  RunStart,
} from "./run-listener.ts";

/** A status detail from the sandbox ("stopped: …") as the status line's sentence. */
const sentence = (detail: string) => detail.charAt(0).toUpperCase() + detail.slice(1);

const NUMBER = new Intl.NumberFormat("en-US");

/** A row waiting for the next frame: built only if it will stay on the page. */
type PendingRow = () => HTMLElement;

export class OutputView implements RunListener {
  private pending: PendingRow[] = [];
  private readonly window = new OutputWindow();
  /** "N earlier lines are not shown", first on the page once a flood pushed rows out. */
  private omittedEl: HTMLElement | null = null;
  /** Keep the latest line in view: true until the reader scrolls up from the bottom. */
  private follow = true;
  /** Rows were appended and the next frame has yet to scroll to them. */
  private scrollDue = false;
  private frame = 0;
  private printCount = 0;
  private lastFlush = 0;
  /** The "Compiling…" line, until the run prints or ends. */
  private phaseEl: HTMLElement | null = null;

  private readonly root: HTMLElement;
  private readonly onLineFocus: (printIndex: number | null) => void;

  constructor(root: HTMLElement, onLineFocus: (printIndex: number | null) => void) {
    this.root = root;
    this.onLineFocus = onLineFocus;
    const link = (e: Event) => {
      const el = (e.target as Element | null)?.closest<HTMLElement>("[data-print-index]");
      this.onLineFocus(el ? Number(el.dataset.printIndex) : null);
    };
    root.addEventListener("pointerover", link);
    root.addEventListener("focusin", link);
    root.addEventListener("pointerleave", () => this.onLineFocus(null));
    root.addEventListener("focusout", () => this.onLineFocus(null));
    // Read where the reader is when they scroll (layout is fresh then), never while appending:
    // reading it after an append forced a second layout of the whole output in the same frame.
    root.addEventListener(
      "scroll",
      () => {
        if (!this.scrollDue)
          this.follow = root.scrollHeight - root.scrollTop - root.clientHeight < 24;
      },
      { passive: true },
    );
  }

  reset(_start: RunStart): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.printCount = 0;
    this.phaseEl = null;
    this.window.reset();
    this.omittedEl = null;
    this.follow = true;
    this.scrollDue = false;
    this.root.replaceChildren();
  }

  /** Shows what is happening before the first line, in place of the previous phase. */
  phase(phase: RunPhase | "running"): void {
    if (!this.phaseEl) {
      this.flush(); // lines queued before stay above the phase
      this.phaseEl = document.createElement("p");
      this.phaseEl.className = "out-phase";
      this.phaseEl.dataset.runPhase = "";
      this.root.append(this.phaseEl);
    }
    this.phaseEl.textContent = t(`run.phase.${phase}`);
  }

  /**
   * The type errors of the run's code, at the top of the output whenever they are found: before
   * the run starts, or while (or after) it runs, since Run does not wait for the type check.
   */
  typeErrors(errors: readonly ReaderError[]): void {
    const [first, ...rest] = errors;
    if (!first) return;
    const key = errors.length === 1 ? "run.type-errors.one" : "run.type-errors.many";
    const summary = this.row(
      {
        stamp: "",
        task: "",
        text: t(key, { count: errors.length, first: first.text }),
        kind: "exception",
      },
      "out-type-error",
    );
    const rows = rest.map((error) =>
      this.row({ stamp: "", task: "", text: error.text, kind: "exception" }, "out-type-error"),
    );
    this.flush();
    this.root.prepend(summary, ...rows);
  }

  events(batch: RunBatch): void {
    // The run is under way but has printed nothing yet: say so, rather than "Starting…".
    if (this.phaseEl && batch.lines.length === 0) this.phase("running");
    for (const line of batch.lines) this.addLine(line);
  }

  error(note: RunErrorNote): void {
    this.addError(
      formatStamp(note.t),
      t(`run.error.${note.origin}`, { error: errorLine(note.error) }),
    );
  }

  finish(outcome: RunOutcome): void {
    if (!outcome.compiled) {
      for (const error of outcome.compileErrors) this.addError("", error.text);
      if (outcome.status === "stopped") this.addStatus(t("run.stopped"), "bad");
      else this.addStatus(t("run.compile-failed"), "bad");
      return;
    }
    const error = outcome.error;
    if (error) {
      // An exception that escaped run is already a transcript line: add only where it was raised.
      const shown = outcome.lines.some((l) => l.kind === "exception");
      const file = outcome.language === "python" ? "main.py" : "main.ts";
      if (!shown) this.addError(formatStamp(outcome.t), errorLine(error, file));
      else if (error.where)
        this.addError("", t("run.error.raised-at", { where: placeName(error.where, file) }));
    }
    const seconds = `${outcome.t.toFixed(3)}s`;
    const status: Record<RunOutcome["status"], [string, "ok" | "bad"]> = {
      finished: [t("run.finished", { seconds }), "ok"],
      failed: [t("run.failed", { seconds }), "bad"],
      stopped: [t("run.stopped"), "bad"],
      timeout: [t("run.timeout", { detail: outcome.detail }), "bad"],
      "output-limit": [sentence(outcome.detail), "bad"],
      budget: [sentence(outcome.detail), "bad"],
      "out-of-memory": [sentence(outcome.detail), "bad"],
      closed: [t("run.closed", { detail: outcome.detail }), "bad"],
      refused: [sentence(outcome.detail), "bad"],
    };
    const [text, kind] = status[outcome.status];
    this.addStatus(text, kind);
  }

  /** A transcript line of the run (print, exception, loop error). */
  private addLine(line: ParsedLine): void {
    // Counted now, so the n-th print keeps its index whether or not its row is ever built.
    const printIndex = line.kind === "print" ? this.printCount++ : null;
    this.queue(() => {
      const el = this.row(lineParts(line));
      if (printIndex !== null) {
        el.dataset.printIndex = String(printIndex);
        el.tabIndex = -1;
      }
      return el;
    });
  }

  /** An error that is not part of the transcript: uncaught, an unhandled rejection, a compile error. */
  private addError(stamp: string, text: string): void {
    this.queue(() => this.row({ stamp, task: "", text, kind: "exception" }, "out-error"));
  }

  /** The last line: `Finished in 3.002s`, `Stopped`, … */
  private addStatus(text: string, kind: "ok" | "bad"): void {
    this.flush();
    this.phaseEl?.remove();
    this.phaseEl = null;
    const el = document.createElement("p");
    el.className = `out-status out-status-${kind}`;
    el.textContent = text;
    this.root.append(el);
    this.scrollDue = true;
    this.frame ||= requestAnimationFrame(() => this.onFrame());
  }

  /** Marks the output line of the n-th print (from the timeline's hover). */
  highlight(printIndex: number | null): void {
    for (const el of this.root.querySelectorAll(".out-line.is-linked"))
      el.classList.remove("is-linked");
    if (printIndex === null) return;
    this.root.querySelector(`[data-print-index="${printIndex}"]`)?.classList.add("is-linked");
  }

  private row(parts: LineParts, extra = ""): HTMLElement {
    const el = document.createElement("div");
    el.className = `out-line out-${parts.kind} ${extra}`.trim();
    for (const [cls, text] of [
      ["stamp", parts.stamp],
      ["task", parts.task],
      ["text", parts.text],
    ] as const) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      el.append(span);
    }
    return el;
  }

  private queue(row: PendingRow): void {
    this.phaseEl?.remove();
    this.phaseEl = null;
    this.pending.push(row);
    if (this.frame) return;
    // A line after a quiet spell shows at once; a flood is batched to one update per frame.
    if (performance.now() - this.lastFlush > 16) this.flush();
    this.frame = requestAnimationFrame(() => this.onFrame());
  }

  /** Once per frame: what arrived since the last one, then the scroll to the latest line. */
  private onFrame(): void {
    this.frame = 0;
    this.flush();
    if (this.scrollDue && this.follow) this.root.scrollTop = this.root.scrollHeight;
    this.scrollDue = false;
  }

  /** Appends the pending rows, without reading layout (the next frame scrolls). */
  private flush(): void {
    if (this.pending.length === 0) return;
    this.lastFlush = performance.now();
    this.scrollDue = true;
    const rows = this.pending;
    this.pending = [];
    const shown = this.window.shown;
    const { build, remove } = this.window.take(rows.length);
    const built: HTMLElement[] = [];
    for (let i = rows.length - build; i < rows.length; i++) built.push(rows[i]!());
    if (remove > 0 && remove === shown) this.replaceRows(built);
    else {
      this.removeOldest(remove);
      this.root.append(...built);
    }
    if (this.window.omitted > 0) this.showOmitted();
  }

  /** A printed row (or an error row in the window), not the type errors above the window. */
  private static isRow(el: Element): boolean {
    return el.classList.contains("out-line") && !el.classList.contains("out-type-error");
  }

  /**
   * Every shown row gives way (a flood's frame): the output's children are replaced at once,
   * what is not a row kept in its place. One replacement, where a removal per row (a query for
   * the oldest row, then its removal: 200 per frame) took most of a flood's output time in a
   * CPU profile of a print loop.
   */
  private replaceRows(built: HTMLElement[]): void {
    const kept = [...this.root.children].filter((el) => !OutputView.isRow(el));
    this.root.replaceChildren(...kept, ...built);
  }

  /**
   * Removes the `count` oldest rows: from the first row on (the "not shown" line and the type
   * errors, which `typeErrors` puts at the top outside the window, come before it).
   */
  private removeOldest(count: number): void {
    let row: Element | null = null;
    for (const el of this.root.children)
      if (OutputView.isRow(el)) {
        row = el;
        break;
      }
    for (let i = 0; i < count && row && OutputView.isRow(row); i++) {
      const next: Element | null = row.nextElementSibling;
      row.remove();
      row = next;
    }
  }

  private showOmitted(): void {
    if (!this.omittedEl) {
      this.omittedEl = document.createElement("p");
      this.omittedEl.className = "out-omitted";
      this.omittedEl.dataset.outOmitted = "";
      this.root.prepend(this.omittedEl);
    }
    const count = this.window.omitted;
    this.omittedEl.textContent = t(count === 1 ? "run.omitted.one" : "run.omitted.many", {
      count: NUMBER.format(count),
      shown: NUMBER.format(this.window.shown),
    });
  }
}
