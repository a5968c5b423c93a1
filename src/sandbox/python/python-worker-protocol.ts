/**
 * Messages from the runner frame to a Python worker, on the private port (the worker answers
 * with the TypeScript worker's messages, `WorkerToFrame`). Internal to the sandbox.
 */
import type { Speed } from "../protocol.ts";
import type { PythonRuntime } from "./python-runtime.ts";

export type FrameToPythonWorker =
  /**
   * Start Pyodide from these files (ahead of the run: a spare worker boots while idle), and from
   * the frame's compiled wasm: compiled once per page and shared, so a spare neither compiles
   * it again nor compiles again the functions an earlier run has already made V8 compile.
   */
  | {
      kind: "boot";
      runtime: Omit<PythonRuntime, "workerSource" | "wasm">;
      module: WebAssembly.Module;
    }
  /** Run this `main.py` (once booted). */
  | { kind: "run"; code: string; speed: Speed };
