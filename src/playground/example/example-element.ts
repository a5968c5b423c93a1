/**
 * `<asyncio-example>`: one example widget, markup from `Example.astro`, style from
 * `example.css`, behaviour here. It receives the page's collaborators when it is built
 * (`defineExampleElement`), builds its parts (output, verdict or exercise check, timeline,
 * editor), each a listener of the run, and wires Run, Stop, Copy and Ctrl/Cmd+Enter.
 */
import { isPythonVersion, type PythonVersion } from "../../runtime/asyncio/python-version.ts";
import type { Speed } from "../../sandbox/protocol.ts";
import { CompareListener } from "../compare/compare-listener.ts";
import { t } from "../strings.ts";
import { initTabs } from "../tabs.ts";
import type { ExampleData, ExampleServices } from "./example-services.ts";
import { OutputView } from "./output-view.ts";
import { PythonVersionListener } from "./python-version-listener.ts";
import { initPythonVersionSwitch, storedPythonVersion } from "./python-version-switch.ts";
import { RecordedTimeline } from "./recorded-timeline.ts";
import { RunDomEvents } from "./run-dom-events.ts";
import type { RunListener } from "./run-listener.ts";
import { RunSession } from "./run-session.ts";
import { RunStateAttributes } from "./run-state-attributes.ts";
import { type TimelineLike, TimelineListener } from "./timeline-listener.ts";
import { VerdictView } from "./verdict-view.ts";
import type { VersionJudge } from "./version-judge.ts";

export const EXAMPLE_TAG = "asyncio-example";

/**
 * The version a run follows: the one the panel's switch shows, else the reader's choice kept
 * for the site, else the newest this example was recorded on (the site's default).
 */
function runVersion(shown: (() => string) | null, data: ExampleData): PythonVersion {
  const version = shown?.() ?? storedPythonVersion() ?? data.newestPython;
  return isPythonVersion(version) ? version : "3.11";
}

/**
 * The judge of a run against `version`'s recording, loaded when asked, or null when that
 * version printed python.out (3.11's) or has no recording here.
 */
function judgeOf(data: ExampleData, version: string): Promise<VersionJudge> | null {
  if (data.otherVersions?.[version] === undefined) return null;
  return import("./version-verdict.ts").then((m) => m.versionJudge(data, version));
}

let channelCounter = 0;

function readData(section: HTMLElement): ExampleData | null {
  const raw = section.querySelector("script[data-example-data]")?.textContent;
  if (!raw) return null;
  try {
    return JSON.parse(raw) as ExampleData;
  } catch {
    return null;
  }
}

/**
 * Where Compare draws, made the first time it is needed rather than in every example's HTML:
 * after the run area's results (one element fewer per example before interaction).
 */
function compareHost(section: HTMLElement): HTMLElement {
  const found = section.querySelector<HTMLElement>("[data-compare]");
  if (found) return found;
  const host = document.createElement("div");
  host.className = "example-compare";
  host.dataset["compare"] = "";
  host.hidden = true;
  (section.querySelector("[data-run-area]") ?? section).append(host);
  return host;
}

export class ExampleElement extends HTMLElement {
  readonly #services: ExampleServices;
  #session: RunSession | null = null;
  #section: HTMLElement | null = null;
  #data: ExampleData | null = null;
  #editorCode: () => string = () => "";
  #editorPython: () => string | null = () => null;

  constructor(services: ExampleServices) {
    super();
    this.#services = services;
  }

  connectedCallback(): void {
    if (this.#session) return;
    const section = this.querySelector<HTMLElement>("section[data-example]");
    const data = section && readData(section);
    if (!section || !data) return;
    this.#section = section;
    this.#data = data;
    this.#session = this.#build(section, data);
    section.querySelector("[data-run-area]")?.removeAttribute("hidden");
  }

  /** Runs the example at the speed the reader chose (a run in progress is abandoned first). */
  run(): Promise<void> {
    const speed = (this.#section?.querySelector<HTMLSelectElement>("[data-speed]")?.value ??
      "1x") as Speed;
    return this.#session?.run(speed) ?? Promise.resolve();
  }

  /**
   * Runs Python in Pyodide at the chosen speed: `source`, or the Python the reader sees (their
   * edit, or the example's `main.py`).
   */
  async runPython(source?: string): Promise<void> {
    const section = this.#section;
    const session = this.#session;
    if (!section || !session) return;
    const speed = (section.querySelector<HTMLSelectElement>("[data-speed]")?.value ??
      "1x") as Speed;
    const program = source ?? this.#editorPython() ?? "";
    const notice = section.querySelector("[data-notice]");
    const runner = this.#services.runner;
    await session.runPython(speed, program, async () => {
      const { ensurePython } = await import("../python/python-service.ts");
      await ensurePython(runner, (text) => {
        if (notice) notice.textContent = text;
      });
    });
  }

  stop(): void {
    this.#session?.stop();
  }

  /** Gets the page's sandbox ready to run this example (the reader is near it or points at it). */
  prepare(): void {
    this.#session?.prepare();
  }

  #build(section: HTMLElement, data: ExampleData): RunSession {
    const services = this.#services;
    const outputEl = section.querySelector<HTMLElement>("[data-output]");
    if (!outputEl) throw new Error(`example ${data.id} has no output element`);
    let timeline: TimelineLike | null = null;
    const output = new OutputView(outputEl, (i) => timeline?.highlightPrint(i));
    const timelineHost = section.querySelector<HTMLElement>("[data-timeline-host]");
    // Until the first run, the timeline shows what CPython recorded.
    let recorded: RunListener | null = null;
    if (timelineHost) {
      timeline = services.createTimeline(timelineHost, (i) => output.highlight(i));
      recorded = new RecordedTimeline(timeline, data);
    }
    const listeners: RunListener[] = [new RunStateAttributes(section), output];
    if (recorded) listeners.push(recorded);
    const exercise = section.closest<HTMLElement>("section[data-exercise]");
    const check = exercise ? services.exerciseCheck(exercise) : null;
    const verdictEl = section.querySelector<HTMLElement>("[data-verdict]");
    const shown = initPythonVersionSwitch(section);
    // In an exercise the check judges the run; the starting program's output is no model.
    if (check) listeners.push(check);
    else if (verdictEl)
      listeners.push(
        new VerdictView(
          verdictEl,
          data.pythonOut,
          (v) => judgeOf(data, v),
          () => shown?.(),
        ),
      );
    if (timeline) listeners.push(new TimelineListener(timeline));
    if (section.querySelector("[data-py-code]"))
      listeners.push(
        new CompareListener(
          () => compareHost(section),
          (host) => services.createTimeline(host, () => {}),
        ),
        new PythonVersionListener(section),
      );
    listeners.push(new RunDomEvents(section));
    const editor = services.attachEditor(
      section,
      data,
      () => void this.run(),
      () => void this.runPython(),
    );
    this.#editorCode = () => editor.code();
    this.#editorPython = () => editor.pythonCode();
    const session = new RunSession({
      channel: `${data.id}#${++channelCounter}`,
      compiled: data.compiled,
      runner: services.runner,
      editor,
      listeners,
      python: () => runVersion(shown, data),
      onRunning: (running) => this.#setRunning(running),
    });
    this.#wire(section);
    // The widget is live (its controls answer): for styles and tests.
    section.dataset["awake"] = "true";
    initTabs(section);
    return session;
  }

  #wire(section: HTMLElement): void {
    const button = (action: string) =>
      section.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    button("run")?.addEventListener("click", () => void this.run());
    const runPython = button("run-python");
    runPython?.addEventListener("click", () => void this.runPython());
    const warmPython = () => {
      const runner = this.#services.runner;
      void import("../python/python-service.ts").then((python) => python.warmPython(runner));
    };
    runPython?.addEventListener("pointerenter", warmPython);
    runPython?.addEventListener("focus", warmPython);
    button("stop")?.addEventListener("click", () => this.stop());
    button("copy")?.addEventListener("click", () => void this.#copy());
    for (const toggle of section.querySelectorAll<HTMLButtonElement>("[data-fold-toggle]")) {
      const folded = toggle.textContent ?? "";
      toggle.addEventListener("click", () => {
        const fold = toggle.closest<HTMLElement>("[data-fold]");
        const open = !fold?.hasAttribute("data-unfolded");
        fold?.toggleAttribute("data-unfolded", open);
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? t("fold.less") : folded;
      });
    }
    section.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.run();
      }
    });
  }

  #setRunning(running: boolean): void {
    const section = this.#section;
    if (!section) return;
    section.toggleAttribute("data-running", running);
    const stop = section.querySelector<HTMLButtonElement>('[data-action="stop"]');
    if (stop) stop.disabled = !running;
  }

  async #copy(): Promise<void> {
    const notice = this.#section?.querySelector("[data-notice]");
    const say = (text: string) => {
      if (notice) notice.textContent = text;
    };
    try {
      await navigator.clipboard.writeText(this.#editorCode() || (this.#data?.source ?? ""));
      say(t("copy.done"));
    } catch {
      say(t("copy.failed"));
    }
  }
}

/** Defines `<asyncio-example>` with the page's collaborators (once per page). */
export function defineExampleElement(services: ExampleServices): void {
  if (customElements.get(EXAMPLE_TAG)) return;
  customElements.define(
    EXAMPLE_TAG,
    class extends ExampleElement {
      constructor() {
        super(services);
      }
    },
  );
}
