/**
 * The runs of one example, one at a time: Run prepares the code (the editor compiles an edit),
 * sends it to the sandbox on a channel of its own, and tells every listener what happens;
 * Stop ends it. A new Run during a run abandons the old one first (its late messages arrive
 * on its own channel and are ignored), so nothing of an earlier run reaches a later one.
 * No DOM: the widget gives it the runner, the editor and the listeners when it is built.
 */
import type { PythonVersion } from "../../runtime/asyncio/python-version.ts";
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import { type ParsedLine, parsedLinesOf } from "../../runtime/asyncio/transcript.ts";
import type { RunnerMessage, Speed } from "../../sandbox/protocol.ts";
import type { ReaderError, RunPlan } from "../editor/run-plan.ts";
import { mapPosition } from "../editor/source-map.ts";
import { t } from "../strings.ts";
import type { EditorPort } from "./editor-port.ts";
import { type PositionMap, readerErrorOf, rememberingMap } from "./reader-error.ts";
import type { RunLanguage, RunListener, RunOutcome, RunPhase } from "./run-listener.ts";
import type { RunnerPort } from "./runner-port.ts";

export const RATES: Readonly<Record<Speed, number>> = { "1x": 1, "10x": 10, instant: 0 };

/**
 * Stray errors (uncaught, unhandled rejections) of one run the editor marks. Each mark replaces
 * the last and may open the editor, so 20,000 rejections made 20,000 marker updates; the error
 * that ends the run is always marked.
 */
export const MARKED_STRAY_ERRORS = 10;

export interface RunSessionOptions {
  /** Prefix of this example's channels (unique on the page). */
  channel: string;
  /** The precompiled original, run when the reader has not edited the code. */
  compiled: string;
  runner: RunnerPort;
  editor: EditorPort;
  listeners: readonly RunListener[];
  /**
   * The CPython version a TypeScript run follows, asked at each Run: the version the reader
   * chose (the example's version switch, or the choice kept for the site). Default 3.11.
   */
  python?: () => PythonVersion;
  /** The run started (true: Stop is useful now) or ended. */
  onRunning?: (running: boolean) => void;
}

interface ActiveRun {
  channel: string;
  speed: Speed;
  /** The version a TypeScript run follows (set when its code goes to the sandbox). */
  python?: PythonVersion;
  language: RunLanguage;
  /** Set once the code went to the sandbox (a Stop must then ask it). */
  posted: boolean;
  map: PositionMap;
  typeErrors: readonly ReaderError[];
  lines: ParsedLine[];
  events: TraceEvent[];
  /** Stray errors marked in the editor so far. */
  marked: number;
  /** The Python a Run Python runs (its errors point into it, as it is: no map). */
  source?: string;
}

export class RunSession {
  readonly #options: RunSessionOptions;
  #count = 0;
  #active: ActiveRun | null = null;
  /** The last run started, running or not: late type errors of an older run are not shown. */
  #latest: ActiveRun | null = null;

  constructor(options: RunSessionOptions) {
    this.#options = options;
  }

  get running(): boolean {
    return this.#active !== null;
  }

  /**
   * Gets the sandbox ready for a Run of the precompiled original: its idle worker loads the
   * program now, so the Run only says "go" (an edit runs other code, which then loads at Run).
   */
  prepare(): void {
    const { runner, channel, compiled } = this.#options;
    void runner.post({ channel, kind: "preload", code: compiled });
  }

  /** Starts a run (abandoning one in progress); resolves once the code went to the sandbox. */
  async run(speed: Speed): Promise<void> {
    const { editor, compiled } = this.#options;
    const run = this.#begin(speed, "typescript");
    editor.clearRuntimeErrors();
    let plan: RunPlan;
    try {
      plan = await editor.prepareRun((status) => {
        if (this.#active === run) this.#phase(status);
      });
    } catch (error) {
      plan = { kind: "compile-error", errors: [{ text: String(error), where: null }] };
    }
    if (this.#active !== run) return;
    if (plan.kind === "compile-error") {
      this.#finish(run, { status: "failed", t: 0, compiled: false, compileErrors: plan.errors });
      return;
    }
    let code = compiled;
    if (plan.kind === "compiled") {
      code = plan.code;
      run.map = rememberingMap((line, column) => editor.mapCompiledPosition(line, column));
      run.typeErrors = plan.typeErrors;
      if (plan.typeErrors.length > 0) this.#tell((l) => l.typeErrors?.(plan.typeErrors));
      // The check outlasted Run's wait: the code runs now, its errors are told when found.
      plan.lateTypeErrors?.then(
        (errors) => {
          if (this.#latest !== run || errors.length === 0) return;
          run.typeErrors = errors;
          this.#tell((l) => l.typeErrors?.(errors));
        },
        () => {},
      );
    }
    this.#phase("starting");
    this.#options.runner.subscribe(run.channel, (m) => this.#onMessage(run, m));
    run.posted = true;
    const python = this.#options.python?.() ?? "3.11";
    run.python = python;
    await this.#options.runner.post({ channel: run.channel, kind: "run", code, speed, python });
  }

  /**
   * Runs `source` as the example's `main.py` in Pyodide (`load` gets Python into the sandbox
   * first, downloading it on the page's first Run Python); the same listeners see its run.
   */
  async runPython(speed: Speed, source: string, load: () => Promise<void>): Promise<void> {
    const run = this.#begin(speed, "python");
    run.source = source;
    run.map = (line, column) => ({ line, column });
    this.#options.editor.clearPythonErrors();
    this.#phase("loading-python");
    try {
      await load();
    } catch (error) {
      const text = t("python.failed", { error: String(error) });
      this.#finish(run, {
        status: "failed",
        t: 0,
        compiled: false,
        compileErrors: [{ text, where: null }],
      });
      return;
    }
    if (this.#active !== run) return;
    this.#phase("starting");
    this.#options.runner.subscribe(run.channel, (m) => this.#onMessage(run, m));
    run.posted = true;
    await this.#options.runner.post({
      channel: run.channel,
      kind: "run-python",
      code: source,
      speed,
    });
  }

  /** A new run, the current one from now (one in progress is abandoned); listeners reset. */
  #begin(speed: Speed, language: RunLanguage): ActiveRun {
    this.#abandon();
    const { compiled } = this.#options;
    const run: ActiveRun = {
      channel: `${this.#options.channel}.${++this.#count}`,
      speed,
      language,
      posted: false,
      map: rememberingMap((line, column) => mapPosition(compiled, line, column)),
      typeErrors: [],
      lines: [],
      events: [],
      marked: 0,
    };
    this.#active = run;
    this.#latest = run;
    this.#options.onRunning?.(true);
    this.#tell((l) => l.reset({ speed, language, rate: RATES[speed] }));
    return run;
  }

  /** Stops the run in progress: the sandbox's answer ends it; one still preparing ends at once. */
  stop(): void {
    const run = this.#active;
    if (!run) return;
    if (run.posted) void this.#options.runner.post({ channel: run.channel, kind: "stop" });
    else this.#finish(run, { status: "stopped", t: 0, compiled: false });
  }

  /** Forgets the run in progress without telling the listeners (a new run resets them). */
  #abandon(): void {
    const run = this.#active;
    if (!run) return;
    this.#active = null;
    if (run.posted) void this.#options.runner.post({ channel: run.channel, kind: "stop" });
  }

  #phase(phase: RunPhase): void {
    this.#tell((l) => l.phase?.(phase));
  }

  #onMessage(run: ActiveRun, m: RunnerMessage): void {
    if (this.#active !== run) return;
    switch (m.kind) {
      case "events": {
        const lines = m.events.flatMap(parsedLinesOf);
        run.lines.push(...lines);
        run.events.push(...m.events);
        this.#tell((l) => l.events({ events: m.events, lines }));
        return;
      }
      case "error": {
        const error = this.#readerError(run, m.error, run.marked++ < MARKED_STRAY_ERRORS);
        this.#tell((l) => l.error?.({ t: m.t, origin: m.origin, error }));
        return;
      }
      case "python-version":
        this.#tell((l) => l.pythonVersion?.(m.version));
        return;
      case "end":
        this.#finish(run, {
          status: m.status,
          t: m.t,
          compiled: true,
          error: m.error && this.#readerError(run, m.error, true),
          detail: m.detail,
        });
        return;
      default:
        return;
    }
  }

  #readerError(
    run: ActiveRun,
    error: Parameters<typeof readerErrorOf>[0],
    mark: boolean,
  ): ReaderError {
    const value = readerErrorOf(error, run.map);
    if (!mark || !value.where) return value;
    if (run.source === undefined) this.#options.editor.markRuntimeError(value);
    else this.#options.editor.markPythonError(value, run.source);
    return value;
  }

  #finish(
    run: ActiveRun,
    end: Pick<RunOutcome, "status" | "t" | "compiled"> & Partial<RunOutcome>,
  ): void {
    if (this.#active !== run) return;
    this.#active = null;
    const outcome: RunOutcome = {
      lines: run.lines,
      events: run.events,
      speed: run.speed,
      language: run.language,
      error: null,
      detail: "",
      compileErrors: [],
      typeErrors: run.typeErrors,
      ...(run.python === undefined ? {} : { python: run.python }),
      ...end,
    };
    this.#options.onRunning?.(false);
    this.#tell((l) => l.finish(outcome));
  }

  /** One listener that throws must not keep the others from hearing about the run. */
  #tell(call: (listener: RunListener) => void): void {
    for (const listener of this.#options.listeners) {
      try {
        call(listener);
      } catch (error) {
        console.error(error);
      }
    }
  }
}
