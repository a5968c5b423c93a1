/**
 * Test helpers: run a TypeScript program on the runtime's virtual clock and get its transcript;
 * run the equivalent Python program on CPython's own loop with a virtual clock (scripts/python/record.py, the recorder of every python.out)
 * and get CPython's transcript, to compare.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";

export interface Recorded<T> {
  events: asyncio.TraceEvent[];
  transcript: string;
  result: T | undefined;
  error: unknown;
}

/** Run `main` with a fresh runtime (virtual clock, task counter at 1), recording the trace. */
export async function record<T>(
  main: asyncio.Coro<T>,
  options: asyncio.HostOptions = {},
): Promise<Recorded<T>> {
  asyncio.resetRuntime();
  const events: asyncio.TraceEvent[] = [];
  asyncio.configure({ trace: (e) => events.push(e), ...options });
  let result: T | undefined;
  let error: unknown;
  try {
    result = await asyncio.run(main);
  } catch (e) {
    error = e;
  }
  asyncio.resetRuntime();
  return { events, transcript: asyncio.transcript(events), result, error };
}

/**
 * The transcript of a whole program: `script` runs with a fresh runtime and a trace, and calls
 * `asyncio.run` itself (so it can also do things before or after the loop, as a module can).
 */
export async function recordScript(script: () => Promise<void>): Promise<string> {
  asyncio.resetRuntime();
  const events: asyncio.TraceEvent[] = [];
  asyncio.configure({ trace: (e) => events.push(e) });
  try {
    await script();
  } finally {
    asyncio.resetRuntime();
  }
  return asyncio.transcript(events);
}

// The project's one recorder (the same virtual-clock loop that records every python.out).
const RECORDER = fileURLToPath(new URL("../../../scripts/python/record.py", import.meta.url));
let pythonOk: boolean | null = null;

/** Is python3 (3.11+) here to compare with? */
export function hasPython(): boolean {
  if (pythonOk === null) {
    const r = spawnSync("python3", ["-c", "import sys; assert sys.version_info >= (3, 11)"], {
      encoding: "utf8",
    });
    pythonOk = r.status === 0;
  }
  return pythonOk;
}

/** CPython's transcript of `source` on a virtual clock. */
export function python(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "runtime-py-"));
  try {
    const file = join(dir, "main.py");
    writeFileSync(file, source);
    const r = spawnSync("python3", [RECORDER, file], { encoding: "utf8", timeout: 20000 });
    if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Strip the common indentation of a template literal (so Python sources can be indented in tests). */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
