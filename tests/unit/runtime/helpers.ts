/**
 * Test helpers: run a TypeScript program on the runtime's virtual clock and get its transcript;
 * run the equivalent Python program on CPython's own loop with a virtual clock (scripts/python/record.py, the recorder of every python.out)
 * and get CPython's transcript, to compare.
 */
import { type ChildProcessByStdio, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
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
const RECORDER_SERVER = fileURLToPath(
  new URL("../../../scripts/python/record_server.py", import.meta.url),
);
// Its back end for the version recorded on Pyodide (the same protocol).
const PYODIDE_RECORDER = fileURLToPath(
  new URL("../../../scripts/python/on_pyodide/record_pyodide.ts", import.meta.url),
);
// What record.py would re-exec itself to get (FIXED_ENV, UNSET_ENV there): given up front, the
// recording takes one interpreter start instead of two.
const RECORDER_ENV_FIXED = {
  PYTHONHASHSEED: "0",
  TZ: "UTC",
  PYTHONUTF8: "1",
  PYTHONDONTWRITEBYTECODE: "1",
};
const RECORDER_ENV_UNSET = [
  "PYTHONASYNCIODEBUG",
  "PYTHONDEVMODE",
  "PYTHONSTARTUP",
  "PYTHONBREAKPOINT",
];
let interpreter: string | null | undefined;

/**
 * The python3 (3.11+) to compare with, as an absolute path: `PYTHON` if set, else what
 * `python3` resolves to, asked once. Version-manager shims (pyenv) cost a second or more per
 * launch; the interpreter behind them starts in a fraction of that.
 */
export function pythonExecutable(): string | null {
  if (interpreter === undefined) {
    const r = spawnSync(
      process.env["PYTHON"] ?? "python3",
      ["-c", "import sys; assert sys.version_info >= (3, 11); print(sys.executable)"],
      { encoding: "utf8" },
    );
    interpreter = r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
  }
  return interpreter;
}

/** Is python3 (3.11+) here to compare with? */
export function hasPython(): boolean {
  return pythonExecutable() !== null;
}

/**
 * One recorder per test process (scripts/python/record_server.py): it imports the recorder once
 * and forks a fresh interpreter for each program, so a test file pays for one Python start, not
 * one per comparison. Requests go one at a time; the process is let go while idle so it never
 * keeps a test file from ending.
 */
class Recorder {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>;
  private readonly waiting: { resolve(line: string): void; reject(e: Error): void }[] = [];
  private buffered = "";
  private queue: Promise<unknown> = Promise.resolve();

  /** `executable` runs record_server.py; or, for a version recorded on Pyodide, node runs its back end. */
  constructor(executable: string, onPyodide = false) {
    const env: NodeJS.ProcessEnv = { ...process.env, ...RECORDER_ENV_FIXED };
    for (const name of RECORDER_ENV_UNSET) delete env[name];
    const server = onPyodide ? PYODIDE_RECORDER : RECORDER_SERVER;
    this.child = spawn(executable, [server], { env, stdio: ["pipe", "pipe", "inherit"] });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.buffered += chunk;
      for (let i = this.buffered.indexOf("\n"); i >= 0; i = this.buffered.indexOf("\n")) {
        const line = this.buffered.slice(0, i);
        this.buffered = this.buffered.slice(i + 1);
        this.waiting.shift()?.resolve(line);
      }
    });
    this.child.once("exit", (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`the recorder exited (${code})`));
    });
    this.idle();
  }

  record(source: string): Promise<string> {
    const next = this.queue.then(() => this.once(source));
    this.queue = next.catch(() => {});
    return next;
  }

  private async once(source: string): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), "runtime-py-"));
    const file = join(dir, "main.py");
    writeFileSync(file, source);
    this.busy();
    try {
      const line = await new Promise<string>((resolve, reject) => {
        this.waiting.push({ resolve, reject });
        this.child.stdin.write(`${JSON.stringify({ path: file })}\n`);
      });
      const r = JSON.parse(line) as { status: number; stdout: string; stderr: string };
      if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
      return r.stdout;
    } finally {
      this.idle();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private busy(): void {
    this.child.ref();
    (this.child.stdout as unknown as { ref(): void }).ref();
  }

  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as { unref(): void }).unref();
    (this.child.stdin as unknown as { unref(): void }).unref();
  }
}

let recorder: Recorder | null = null;
const recorders = new Map<string, Recorder | null>();

/**
 * The interpreter of CPython `version` (e.g. "3.13") as the recorder finds it
 * (scripts/python/python_versions.py: PYTHON3_13, then python3.13, then pyenv's), or null.
 */
export function pythonExecutableOf(version: string): string | null {
  return interpreterOf(version)?.executable ?? null;
}

/** As `pythonExecutableOf`, saying whether it is node running Pyodide (3.14: ON_PYODIDE). */
function interpreterOf(version: string): { executable: string; onPyodide: boolean } | null {
  const base = pythonExecutable();
  if (base === null) return null;
  const r = spawnSync(
    base,
    [
      "-c",
      "import sys; sys.path.insert(0, 'scripts/python'); import python_versions as v; " +
        "f = v.find_interpreter(sys.argv[1]); print(f[0] if f else ''); print(sys.argv[1] in v.ON_PYODIDE)",
      version,
    ],
    { encoding: "utf8" },
  );
  const [executable, onPyodide] = r.stdout.trim().split("\n");
  return r.status === 0 && executable ? { executable, onPyodide: onPyodide === "True" } : null;
}

/**
 * CPython `version`'s transcript of `source` (as `python`), or null when it is not here. A
 * version recorded on Pyodide (3.14) is run there: one Pyodide boot per test process.
 */
export function pythonOn(version: string, source: string): Promise<string> | null {
  if (!recorders.has(version)) {
    const found = interpreterOf(version);
    recorders.set(version, found === null ? null : new Recorder(found.executable, found.onPyodide));
  }
  return recorders.get(version)?.record(source) ?? null;
}

/** CPython's transcript of `source` on a virtual clock (as scripts/python/record.py records it). */
export function python(source: string): Promise<string> {
  const executable = pythonExecutable();
  if (executable === null) throw new Error("python3 >= 3.11 not found");
  recorder ??= new Recorder(executable);
  return recorder.record(source);
}

/** Strip the common indentation of a template literal (so Python sources can be indented in tests). */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}
