/**
 * The pre-run timeline: CPython's recorded run of the version the reader chose (the panel's
 * switch, kept for the whole site; else the newest recorded, the panel's default), until the
 * first run replaces it. Picking another version redraws it while no run has replaced it.
 */
import { PYTHON_VERSION_EVENT } from "../../shared/python-versions.ts";
import type { Recording } from "../timeline/recorded-trace.ts";
import type { ExampleData } from "./example-services.ts";
import { storedPythonVersion } from "./python-version-switch.ts";
import type { RunListener } from "./run-listener.ts";
import type { TimelineLike } from "./timeline-listener.ts";

/**
 * `version`'s recorded run (its transcript and task events), or null when it was not recorded.
 * @example
 * recordingOf(data, "3.13"); // { version: "3.13", out: "[t=0.000 Task-1] …", trace: { v: 1, e: […] } }
 */
export function recordingOf(data: ExampleData, version: string): Recording | null {
  const versions = data.versions ?? [];
  if (!data.pythonOut || !versions.includes(version)) return null;
  const base = versions[0] ?? version;
  return {
    version,
    out: data.otherVersions?.[version] ?? data.pythonOut,
    trace: data.traces?.[version] ?? data.traces?.[base] ?? null,
  };
}

/** The version shown before a run: the reader's choice where it was recorded, else the newest. */
function shownVersion(data: ExampleData, wanted: string | null): string {
  const versions = data.versions ?? [];
  return wanted !== null && versions.includes(wanted) ? wanted : (versions.at(-1) ?? "");
}

export class RecordedTimeline implements RunListener {
  readonly #view: TimelineLike;
  readonly #data: ExampleData;
  #shown = "";
  #ran = false;

  constructor(view: TimelineLike, data: ExampleData) {
    this.#view = view;
    this.#data = data;
    this.#show(storedPythonVersion());
    document.addEventListener(PYTHON_VERSION_EVENT, this.#onVersion);
  }

  #onVersion = (e: Event): void => {
    const version = (e as CustomEvent<unknown>).detail;
    if (typeof version === "string") this.#show(version);
  };

  #show(wanted: string | null): void {
    const version = shownVersion(this.#data, wanted);
    if (this.#ran || version === this.#shown) return;
    const recording = recordingOf(this.#data, version);
    if (!recording) return;
    this.#shown = version;
    this.#view.showRecorded(recording);
  }

  reset(): void {
    // A run replaces the recording for good: the reader compares with it in the output panel.
    this.#ran = true;
    document.removeEventListener(PYTHON_VERSION_EVENT, this.#onVersion);
  }

  events(): void {}

  finish(): void {}
}
