/**
 * The run's output: one line per printed line, stamped like Python's, appended at most once per
 * animation frame, always as text (never HTML), with errors and the final status line.
 */

import type { ParsedLine } from "../runtime/asyncio/transcript.ts";
import { type LineParts, lineParts } from "./stamp.ts";

export class OutputView {
  private pending: HTMLElement[] = [];
  private frame = 0;
  private printCount = 0;
  private lastFlush = 0;

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
  }

  clear(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.printCount = 0;
    this.root.replaceChildren();
  }

  /** A transcript line of the run (print, exception, loop error). */
  addLine(line: ParsedLine): void {
    const el = this.row(lineParts(line));
    if (line.kind === "print") {
      el.dataset.printIndex = String(this.printCount++);
      el.tabIndex = -1;
    }
    this.queue(el);
  }

  /** An error that is not part of the transcript: uncaught, an unhandled rejection, a compile error. */
  addError(stamp: string, text: string): void {
    this.queue(this.row({ stamp, task: "", text, kind: "exception" }, "out-error"));
  }

  /** The last line: `Finished in 3.002s`, `Stopped`, … */
  addStatus(text: string, kind: "ok" | "bad"): void {
    const el = document.createElement("p");
    el.className = `out-status out-status-${kind}`;
    el.textContent = text;
    this.queue(el);
    this.flush();
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

  private queue(el: HTMLElement): void {
    this.pending.push(el);
    if (this.frame) return;
    // A line after a quiet spell shows at once; a flood is batched to one update per frame.
    if (performance.now() - this.lastFlush > 16) this.flush();
    else this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastFlush = performance.now();
    if (this.pending.length === 0) return;
    const atBottom = this.root.scrollHeight - this.root.scrollTop - this.root.clientHeight < 24;
    this.root.append(...this.pending);
    this.pending = [];
    if (atBottom) this.root.scrollTop = this.root.scrollHeight;
  }
}
