/**
 * What an example widget is built with: the page's collaborators, given once when the element
 * is defined, so each widget receives them at construction and nothing is assigned afterwards.
 */
import type { RecordedTrace } from "../timeline/recorded-trace.ts";
import type { EditorPort } from "./editor-port.ts";
import type { RunListener } from "./run-listener.ts";
import type { RunnerPort } from "./runner-port.ts";
import type { TimelineLike } from "./timeline-listener.ts";

/** What the page carries for one example (the JSON in `script[data-example-data]`). */
export interface ExampleData {
  id: string;
  /** The TypeScript twin compiled at build time. */
  compiled: string;
  /** CPython 3.11's recorded transcript (python.out). */
  pythonOut: string;
  /** The newest version recorded ("3.13"): what the panel shows, and a run follows, by default. */
  newestPython?: string;
  /** Where other versions printed something else: their transcripts, by version ("3.13"). */
  otherVersions?: Record<string, string>;
  /** Every CPython version recorded, oldest first. */
  versions?: string[];
  /** The recorded task events by version: 3.11's, and another's where they differ from it. */
  traces?: Record<string, RecordedTrace>;
  /** The TypeScript twin as the site ships it. */
  source: string;
  tsHash: string;
}

export interface ExampleServices {
  /** The page's sandbox (one for every example). */
  runner: RunnerPort;
  /**
   * The editor of the widget's TypeScript and Python; `requestRun` is Ctrl/Cmd+Enter in the
   * TypeScript editor, `requestPythonRun` in the Python one.
   */
  attachEditor(
    section: HTMLElement,
    data: ExampleData,
    requestRun: () => void,
    requestPythonRun: () => void,
  ): EditorPort;
  /** A timeline view drawn into `host`; it reports hovered print marks. */
  createTimeline(host: HTMLElement, onMarkHover: (printIndex: number | null) => void): TimelineLike;
  /** The check of the exercise this widget belongs to, or null. */
  exerciseCheck(exercise: HTMLElement): RunListener | null;
}
