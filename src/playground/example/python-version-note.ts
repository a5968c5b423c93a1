/**
 * Which Python a Python run runs, as the interpreter said (never assumed): a line above the
 * run's output (`Python 3.13.2 (Pyodide)`), and the "CPython printed" panel's word where that
 * version is not the one whose recording it shows (following the version switch afterwards).
 * Loaded by `PythonVersionListener` with the first Python run's version.
 */
import { PYTHON_VERSION_EVENT } from "../../shared/python-versions.ts";
import { t } from "../strings.ts";

/** `3.13` of `3.13.2`. */
export function minorOf(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

/**
 * The note's text: empty when `running` (`3.13.2`) is one of the versions the panel shows.
 * @example
 * versionNote("3.14.0", ["3.13"]); // "Run Python runs 3.14.0; this is CPython 3.13's output."
 */
export function versionNote(running: string, shown: readonly string[]): string {
  if (shown.length === 0 || shown.includes(minorOf(running))) return "";
  return t("python.version-differs", { running, shown: shown.join(", ") });
}

export class PythonVersionNote {
  readonly #section: HTMLElement;
  #running = "";

  constructor(section: HTMLElement) {
    this.#section = section;
    document.addEventListener(PYTHON_VERSION_EVENT, () => this.#show());
  }

  /** The versions whose recording the panel shows now: the switch's choice, else every one. */
  #shown(): string[] {
    const select = this.#section.querySelector<HTMLSelectElement>("select[data-py-version]");
    if (select) return [select.value];
    const all = this.#section.querySelector<HTMLElement>("[data-py-versions]");
    return (all?.dataset["pyVersions"] ?? "").split(" ").filter(Boolean);
  }

  #show(): void {
    if (!this.#running) return;
    const note = this.#note();
    if (!note) return;
    const text = versionNote(this.#running, this.#shown());
    note.textContent = text;
    note.hidden = text === "";
    note.dataset["running"] = this.#running;
  }

  /** The note's line in the panel's head, made on the first Python run (not one per example). */
  #note(): HTMLElement | null {
    const found = this.#section.querySelector<HTMLElement>("[data-py-version-note]");
    if (found) return found;
    const head = this.#section.querySelector<HTMLElement>("[data-py-versions]");
    if (!head) return null;
    const note = document.createElement("p");
    note.className = "py-version-note";
    note.dataset["pyVersionNote"] = "";
    note.dataset["pagefindIgnore"] = "";
    note.hidden = true;
    head.append(note);
    return note;
  }

  /** A Python run started on `version` (`3.13.2`). */
  show(version: string): void {
    this.#running = version;
    this.#show();
    // Above the run's lines: the output was emptied when this run began, and keeps this line.
    const line = document.createElement("p");
    line.className = "out-runtime";
    line.dataset["pythonRuntime"] = version;
    line.textContent = t("python.version", { version });
    this.#section.querySelector("[data-output]")?.prepend(line);
  }
}
