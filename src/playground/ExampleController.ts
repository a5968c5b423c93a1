/**
 * One example widget brought to life: Run/Stop/Copy and the speed switch, the streamed output,
 * the verdict against CPython's transcript, and (through hooks) the timeline and the editor.
 */
import type { TraceEvent } from "../runtime/asyncio/trace.ts";
import type { RunError, RunnerMessage, RunStatus, Speed } from "../sandbox/protocol.ts";
import { mapPosition } from "./editor/source-map.ts";
import { OutputView } from "./OutputView.ts";
import type { RunnerHost } from "./RunnerHost.ts";
import { linesOf } from "./run-lines.ts";
import { formatStamp } from "./stamp.ts";
import { type ParsedLine, parseTranscript } from "./timeline/transcript-parse.ts";
import { compareTranscripts, toleranceFor } from "./verdict.ts";

export interface ExampleData {
  id: string;
  compiled: string;
  pythonOut: string;
  source: string;
  tsHash: string;
}

/** What the controller needs from a timeline view; the real one draws, tests may observe. */
export interface TimelineLike {
  /** `rate`: loop seconds per wall second (1 at 1×, 10 at 10×, 0 for Instant). */
  reset(options?: { rate?: number }): void;
  push(events: TraceEvent[]): void;
  finish(tEnd: number): void;
  highlightPrint(printIndex: number | null): void;
}

/** What a finished run gives to listeners of the `example-run-end` event (exercises' checks). */
export interface RunResult {
  status: RunStatus;
  /** Loop time at the end, seconds. */
  t: number;
  lines: ParsedLine[];
  events: TraceEvent[];
  speed: Speed;
  /** False when the code did not compile (nothing ran). */
  compiled: boolean;
}

/** The code a Run should execute: the precompiled original, or the reader's edit compiled. */
export type CodeSource = () => Promise<{ code: string } | { errors: string[] }>;

let channelCounter = 0;

/** A status detail ("stopped: …") as the status line's sentence. */
const sentence = (detail: string) => detail.charAt(0).toUpperCase() + detail.slice(1);

const RATE: Record<Speed, number> = { "1x": 1, "10x": 10, instant: 0 };

export class ExampleController {
  readonly channel: string;
  readonly output: OutputView;
  private readonly expected: ParsedLine[];
  private readonly button: (action: string) => HTMLButtonElement | null;
  private readonly speedSelect: HTMLSelectElement | null;
  private readonly verdictEl: HTMLElement | null;
  private readonly notice: HTMLElement | null;
  private lines: ParsedLine[] = [];
  private events: TraceEvent[] = [];
  private running = false;
  private speed: Speed = "1x";
  private compiled: string;
  timeline: TimelineLike | null = null;
  /** Told where in the reader's code an error happened (the editor marks the line). */
  onReaderError: ((position: { line: number; column: number }, message: string) => void) | null =
    null;
  codeSource: CodeSource;

  readonly root: HTMLElement;
  readonly data: ExampleData;
  private readonly host: RunnerHost;

  constructor(root: HTMLElement, data: ExampleData, host: RunnerHost) {
    this.root = root;
    this.data = data;
    this.host = host;
    this.channel = `${data.id}#${++channelCounter}`;
    this.expected = parseTranscript(data.pythonOut);
    this.compiled = data.compiled;
    this.codeSource = async () => ({ code: data.compiled });
    this.button = (action) => root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    this.speedSelect = root.querySelector("[data-speed]");
    this.verdictEl = root.querySelector("[data-verdict]");
    this.notice = root.querySelector("[data-notice]");
    const outputEl = root.querySelector<HTMLElement>("[data-output]");
    if (!outputEl) throw new Error(`example ${data.id} has no output element`);
    this.output = new OutputView(outputEl, (i) => this.timeline?.highlightPrint(i));
    host.subscribe(this.channel, (m) => this.onMessage(m));

    this.button("run")?.addEventListener("click", () => void this.run());
    this.button("stop")?.addEventListener("click", () => this.stop());
    this.button("copy")?.addEventListener("click", () => void this.copy());
    root.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
    root.querySelector("[data-run-area]")?.removeAttribute("hidden");
  }

  /** The TypeScript the reader sees now (the editor replaces this when it opens). */
  currentSource: () => string = () => this.data.source;

  say(text: string): void {
    if (this.notice) this.notice.textContent = text;
  }

  async run(): Promise<void> {
    const compiled = await this.codeSource();
    this.speed = (this.speedSelect?.value as Speed | undefined) ?? "1x";
    this.output.clear();
    this.timeline?.reset({ rate: RATE[this.speed] });
    this.lines = [];
    this.events = [];
    this.setVerdict("", "");
    this.root.dispatchEvent(new CustomEvent("example-run-start", { bubbles: true }));
    if ("errors" in compiled) {
      for (const message of compiled.errors) this.output.addError("", message);
      this.output.addStatus("Failed: the code does not compile", "bad");
      this.dispatchEnd({
        status: "failed",
        t: 0,
        lines: [],
        events: [],
        speed: this.speed,
        compiled: false,
      });
      return;
    }
    this.compiled = compiled.code;
    this.setRunning(true);
    await this.host.post({
      channel: this.channel,
      kind: "run",
      code: compiled.code,
      speed: this.speed,
    });
  }

  stop(): void {
    if (this.running) void this.host.post({ channel: this.channel, kind: "stop" });
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.currentSource());
      this.say("Copied the TypeScript code");
    } catch {
      this.say("Copy failed: the browser did not allow it");
    }
  }

  private dispatchEnd(result: RunResult): void {
    this.root.dispatchEvent(
      new CustomEvent<RunResult>("example-run-end", { bubbles: true, detail: result }),
    );
  }

  private setRunning(running: boolean): void {
    this.running = running;
    this.root.toggleAttribute("data-running", running);
    const stop = this.button("stop");
    if (stop) stop.disabled = !running;
  }

  private setVerdict(text: string, kind: "same" | "differs" | "" | "none"): void {
    if (!this.verdictEl) return;
    this.verdictEl.textContent = text;
    this.verdictEl.dataset.kind = kind;
  }

  private describeError(error: RunError): string {
    const where =
      error.position && mapPosition(this.compiled, error.position.line, error.position.column);
    const text = `${error.type}${error.message ? `: ${error.message}` : ""}`;
    if (!where) return text;
    this.onReaderError?.(where, text);
    return `${text} (main.ts:${where.line}:${where.column})`;
  }

  private onMessage(m: RunnerMessage): void {
    switch (m.kind) {
      case "events":
        for (const e of m.events) {
          for (const line of linesOf(e)) {
            this.lines.push(line);
            this.output.addLine(line);
          }
        }
        this.events.push(...m.events);
        this.timeline?.push(m.events);
        return;
      case "error": {
        const label = m.origin === "unhandled-rejection" ? "Unhandled rejection" : "Uncaught";
        this.output.addError(formatStamp(m.t), `${label} ${this.describeError(m.error)}`);
        return;
      }
      case "end":
        this.end(m);
        return;
      default:
        return;
    }
  }

  private end(m: Extract<RunnerMessage, { kind: "end" }>): void {
    this.setRunning(false);
    this.timeline?.finish(m.t);
    if (m.error) {
      const shown = this.lines.some((l) => l.kind === "exception");
      const described = this.describeError(m.error);
      // An exception that escaped run is already a transcript line: add only where it was raised.
      const at = /\((main\.ts:\d+:\d+)\)$/.exec(described)?.[1];
      if (!shown) this.output.addError(formatStamp(m.t), described);
      else if (at) this.output.addError("", `raised at ${at}`);
    }
    const seconds = `${m.t.toFixed(3)}s`;
    const status: Record<typeof m.status, [string, "ok" | "bad"]> = {
      finished: [`Finished in ${seconds}`, "ok"],
      failed: [`Failed in ${seconds}`, "bad"],
      stopped: ["Stopped", "bad"],
      timeout: [`Timed out: ${m.detail}`, "bad"],
      "output-limit": [sentence(m.detail), "bad"],
      budget: [sentence(m.detail), "bad"],
      "out-of-memory": [sentence(m.detail), "bad"],
      closed: [`Ended: ${m.detail}`, "bad"],
      refused: [sentence(m.detail), "bad"],
    };
    const [text, kind] = status[m.status];
    this.output.addStatus(text, kind);
    this.dispatchEnd({
      status: m.status,
      t: m.t,
      lines: this.lines,
      events: this.events,
      speed: this.speed,
      compiled: true,
    });
    if (this.expected.length === 0) return;
    if (m.status !== "finished" && m.status !== "failed") {
      this.setVerdict("Not compared with Python: the run did not finish", "none");
      return;
    }
    const v = compareTranscripts(this.expected, this.lines, toleranceFor(this.speed));
    if (v.same) this.setVerdict("Same as Python ✓", "same");
    else
      this.setVerdict(
        `Differs from Python at line ${v.line}: Python printed ${v.expected ?? "nothing more"}; this run printed ${v.actual ?? "nothing more"}`,
        "differs",
      );
  }
}
