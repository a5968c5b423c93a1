/**
 * Build-time access to `content/examples/<id>/`: the Python original, the TypeScript twin,
 * CPython's recorded transcript, and the twin compiled with the very options the page's own
 * compiler uses (so an unedited Run needs no compiler download).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { readerBuildOptions } from "../shared/compile-options.ts";
import { markTaskCreations } from "../shared/task-marks.ts";
import { type PythonRecording, pythonRecordings } from "./python-recordings.ts";

export interface ExampleSource {
  id: string;
  /** The Python original; exercises may have none. */
  python: string | null;
  typescript: string;
  /** CPython 3.11's transcript (python.out); empty when there is no Python original. */
  pythonOut: string;
  /** One recording per CPython version recorded, oldest first (3.11's is `pythonOut`); empty without Python. */
  recordings: PythonRecording[];
  /** The compiled ES module (with an inline source map back to main.ts). */
  compiled: string;
  /** Short hash of main.ts, so a saved edit knows which original it was based on. */
  tsHash: string;
}

/** Examples live in content/examples/<id>/; exercises in content/exercises/<id>/. */
export type ExampleKind = "examples" | "exercises";

const cache = new Map<string, Promise<ExampleSource>>();

function read(kind: ExampleKind, id: string, file: string): string {
  const path = join("content", kind, id, file);
  if (!existsSync(path)) throw new Error(`${kind} "${id}" has no ${file} (looked in ${path}).`);
  return readFileSync(path, "utf8");
}

function readOptional(kind: ExampleKind, id: string, file: string): string | null {
  return existsSync(join("content", kind, id, file)) ? read(kind, id, file) : null;
}

/** Compiles reader TypeScript exactly as the page would; throws with esbuild's messages. */
export async function compileReaderCode(source: string): Promise<string> {
  const result = await esbuild.build(readerBuildOptions(source));
  const out = result.outputFiles[0];
  if (!out) throw new Error("esbuild produced no output");
  return markTaskCreations(out.text);
}

/**
 * An example (main.py, main.ts and python.out, all required) or an exercise (main.ts is the
 * starting program; main.py and its python.out are optional).
 */
export function loadExample(id: string, kind: ExampleKind = "examples"): Promise<ExampleSource> {
  const key = `${kind}/${id}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = (async () => {
      const typescript = read(kind, id, "main.ts");
      const python =
        kind === "examples" ? read(kind, id, "main.py") : readOptional(kind, id, "main.py");
      return {
        id,
        python,
        typescript,
        pythonOut: python === null ? "" : read(kind, id, "python.out"),
        recordings: python === null ? [] : pythonRecordings(join("content", kind, id)),
        compiled: await compileReaderCode(typescript),
        tsHash: createHash("sha256").update(typescript).digest("hex").slice(0, 12),
      };
    })();
    cache.set(key, entry);
  }
  return entry;
}
