/**
 * Build-time reading of an example's CPython recordings, one per version recorded: `python.out`
 * is 3.11's; a version with a key (`python-3.X.sha256`) was recorded too, and printed its own
 * `python-3.X.out` or, when that file is absent, the same as python.out
 * (`scripts/python/README.md`, "Versions"). An exercise's solution.py is recorded the same way,
 * as `solution.out` and `solution-3.X.out`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { compareVersions, RUNTIME_PYTHON } from "../shared/python-versions.ts";

export interface PythonRecording {
  /** "3.12" */
  version: string;
  /** The stamped transcript that version printed. */
  out: string;
  /**
   * Its task events as recorded (`python-3.X.trace`, else `python.trace` where they are the
   * same; `scripts/python/README.md`, "Trace"), or null when none was recorded.
   */
  trace: string | null;
}

/**
 * The stem of a program's recordings (`python_versions.py` PROGRAMS): main.py's are `python.out`,
 * `python-3.X.out`; an exercise's solution.py's are `solution.out`, `solution-3.X.out`.
 */
const STEMS = { "main.py": "python", "solution.py": "solution" } as const;
export type RecordedProgram = keyof typeof STEMS;

/**
 * `program`'s recordings in `folder`, oldest version first; empty when it has none (no
 * `python.out`, or `solution.out`). Only main.py's task events are kept.
 * @example
 * pythonRecordings("content/exercises/coro-catch", "solution.py").map((r) => r.version);
 * // ["3.11", "3.12", "3.13", "3.14"]
 */
export function pythonRecordings(
  folder: string,
  program: RecordedProgram = "main.py",
): PythonRecording[] {
  const stem = STEMS[program];
  const basePath = join(folder, `${stem}.out`);
  if (!existsSync(basePath)) return [];
  const base = readFileSync(basePath, "utf8");
  const baseTrace = readIfAny(join(folder, `${stem}.trace`));
  const versionKey = new RegExp(`^${stem}-(\\d+\\.\\d+)\\.sha256$`);
  const others = readdirSync(folder)
    .map((name) => versionKey.exec(name)?.[1])
    .filter((v): v is string => v !== undefined && v !== RUNTIME_PYTHON);
  const recordings = others.map((version) => {
    const own = join(folder, `${stem}-${version}.out`);
    return {
      version,
      out: existsSync(own) ? readFileSync(own, "utf8") : base,
      trace: readIfAny(join(folder, `${stem}-${version}.trace`)) ?? baseTrace,
    };
  });
  recordings.push({ version: RUNTIME_PYTHON, out: base, trace: baseTrace });
  return recordings.sort((a, b) => compareVersions(a.version, b.version));
}

/** A version recorded for other programs but not for this one, and why ("needs threads"). */
export interface MissingRecording {
  version: string;
  reason: string;
}

/** The programs the Pyodide-recorded version cannot run (scripts/python/pyodide_backend.py). */
const NOT_RECORDED = resolve("scripts/python/on_pyodide/not_recorded.json");
const PYODIDE_LOCK = resolve("node_modules/pyodide/pyodide-lock.json");
let onPyodide: { version: string; programs: Record<string, string> } | null = null;

/**
 * The recordings `folder`'s `program` lacks because it cannot run where that version is
 * recorded (3.14 on Pyodide; `scripts/python/on_pyodide/not_recorded.json`, empty since
 * Pyodide runs threads, process pools and signal handlers too). An exercise's solution.py is
 * listed as `<id>/solution.py`.
 * @example
 * missingRecordings("content/examples/hello-gather"); // [] (one listed: [{ version: "3.14", reason }])
 */
export function missingRecordings(folder: string, program = "main.py"): MissingRecording[] {
  onPyodide ??= {
    version: (JSON.parse(readFileSync(PYODIDE_LOCK, "utf8")).info.python as string)
      .split(".")
      .slice(0, 2)
      .join("."),
    programs: JSON.parse(readFileSync(NOT_RECORDED, "utf8")) as Record<string, string>,
  };
  const name = program === "main.py" ? basename(folder) : `${basename(folder)}/${program}`;
  const reason = onPyodide.programs[name];
  return reason === undefined ? [] : [{ version: onPyodide.version, reason }];
}

function readIfAny(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

/**
 * Indexes of the lines of `out` that another recording does not print at the same place.
 * @example
 * differingLines("a\nb\n", ["a\nc\n"]); // Set {1}
 */
export function differingLines(out: string, others: readonly string[]): Set<number> {
  const lines = out.split(/\r?\n/);
  const marked = new Set<number>();
  for (const other of others) {
    const theirs = other.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line !== "" && theirs[i] !== line) marked.add(i);
    });
  }
  return marked;
}
