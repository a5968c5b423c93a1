/**
 * Build-time reading of an example's CPython recordings, one per version recorded: `python.out`
 * is 3.11's; a version with a key (`python-3.X.sha256`) was recorded too, and printed its own
 * `python-3.X.out` or, when that file is absent, the same as python.out
 * (`scripts/python/README.md`, "Versions").
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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

const VERSION_KEY = /^python-(\d+\.\d+)\.sha256$/;

/** The recordings in `folder`, oldest version first; empty when it has no python.out. */
export function pythonRecordings(folder: string): PythonRecording[] {
  const basePath = join(folder, "python.out");
  if (!existsSync(basePath)) return [];
  const base = readFileSync(basePath, "utf8");
  const baseTrace = readIfAny(join(folder, "python.trace"));
  const others = readdirSync(folder)
    .map((name) => VERSION_KEY.exec(name)?.[1])
    .filter((v): v is string => v !== undefined && v !== RUNTIME_PYTHON);
  const recordings = others.map((version) => {
    const own = join(folder, `python-${version}.out`);
    return {
      version,
      out: existsSync(own) ? readFileSync(own, "utf8") : base,
      trace: readIfAny(join(folder, `python-${version}.trace`)) ?? baseTrace,
    };
  });
  recordings.push({ version: RUNTIME_PYTHON, out: base, trace: baseTrace });
  return recordings.sort((a, b) => compareVersions(a.version, b.version));
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
