/**
 * The runner frame's Python side ahead of a Run Python: Pyodide's files and the Python
 * worker's code, once the page has handed them over; Pyodide's wasm, compiled once per page
 * (every Python worker instantiates the same module); and one spare worker, booting or booted,
 * so that the next Run Python starts on an interpreter that is already there.
 *
 * The spare's state is on the frame's root element, for tests and the curious:
 * `data-python-spare` is `none`, `booting` or `ready`.
 */
import type { PortedWorker, SpawnWorker } from "../ported-worker.ts";
import type { PythonRuntime } from "./python-runtime.ts";
import type { FrameToPythonWorker } from "./python-worker-protocol.ts";

/** Compiles Pyodide's wasm as its bytes are read (V8 compiles lazily: this is mostly validation). */
function compileWasm(wasm: Blob): Promise<WebAssembly.Module> {
  return WebAssembly.compileStreaming(
    new Response(wasm, { headers: { "Content-Type": "application/wasm" } }),
  );
}

/** Whether a message's `runtime` is the page's `PythonRuntime` (it crossed a frame boundary). */
export function isPythonRuntime(v: unknown): v is PythonRuntime {
  const r = v as Partial<Record<keyof PythonRuntime, unknown>> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.workerSource === "string" &&
    typeof r.lock === "string" &&
    r.asmJs instanceof Blob &&
    r.wasm instanceof Blob &&
    r.stdlib instanceof Blob &&
    r.snapshot instanceof Blob
  );
}

export class PythonSpare {
  readonly #spawn: SpawnWorker;
  #files: {
    url: string;
    runtime: Omit<PythonRuntime, "workerSource" | "wasm">;
    module: Promise<WebAssembly.Module>;
  } | null = null;
  #spare: PortedWorker | null = null;

  constructor(spawn: SpawnWorker) {
    this.#spawn = spawn;
  }

  /** Takes the page's files (once: later ones are ignored) and boots the first spare. */
  load(runtime: PythonRuntime): void {
    if (this.#files) return;
    const { workerSource, wasm, ...rest } = runtime;
    const url = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
    this.#files = { url, runtime: rest, module: compileWasm(wasm) };
    this.boot();
  }

  /**
   * The worker for a Run Python: the spare (booted, or still booting), else a new one, which
   * boots on its own; null before the page has handed the files over. A new spare is made only
   * by `boot`, so that its boot does not compete with this run's.
   */
  take(): PortedWorker | null {
    const taken = this.#spare ?? this.#make();
    this.#spare = null;
    this.show();
    return taken;
  }

  /** Makes the spare, if there is none. */
  boot(): void {
    this.#spare ??= this.#make();
    this.show();
  }

  /** Shows the spare's state on the frame's root element (a worker said it has booted). */
  show(): void {
    const state = !this.#spare ? "none" : this.#spare.ready ? "ready" : "booting";
    document.documentElement.dataset["pythonSpare"] = state;
  }

  #make(): PortedWorker | null {
    if (!this.#files) return null;
    const made = this.#spawn(this.#files.url, "asyncio-python");
    const { runtime } = this.#files;
    this.#files.module
      .then((module) => {
        const bootMessage: FrameToPythonWorker = { kind: "boot", runtime, module };
        made.port.postMessage(bootMessage);
      })
      // Never compiled: the worker stays unbooted and its run says "Python did not start".
      .catch(() => {});
    return made;
  }
}
