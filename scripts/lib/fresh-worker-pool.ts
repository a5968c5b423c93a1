/**
 * Runs compiled reader programs, each in a fresh worker thread (a fresh runtime), at most
 * `size` at once. Much cheaper than a node process per program, and closer to the page, which
 * also gives every run a fresh worker.
 *
 * The worker (`program-worker.ts` with the runtime and the sandbox) is bundled once per pool
 * with esbuild, as the site's build bundles the page's worker: a worker then loads one file
 * instead of type-stripping some forty modules, five times less CPU per run.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import * as esbuild from "esbuild";
import type { RunOptions } from "../../src/sandbox/protocol.ts";
import type { NodeRun } from "./run-compiled.ts";

const WORKER_SOURCE = fileURLToPath(new URL("./program-worker.ts", import.meta.url));

export class FreshWorkerPool {
  readonly size: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  #bundle: Promise<URL> | null = null;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  /**
   * Runs `code` in a new worker once a slot is free; resolves with the run. `options`: the
   * clock (default instant) and the CPython version the runtime follows (default 3.11).
   */
  async run(code: string, options: Partial<RunOptions> = {}): Promise<NodeRun> {
    this.#bundle ??= bundleWorker();
    const url = await this.#bundle;
    if (this.#running >= this.size)
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running += 1;
    try {
      return await runInNewWorker(url, code, options);
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.();
    }
  }
}

async function bundleWorker(): Promise<URL> {
  const built = await esbuild.build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    write: false,
    logLevel: "silent",
  });
  const dir = mkdtempSync(join(tmpdir(), "program-worker-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "program-worker.mjs");
  writeFileSync(file, built.outputFiles[0]?.contents ?? "");
  return pathToFileURL(file);
}

function runInNewWorker(url: URL, code: string, options: Partial<RunOptions>): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: { code, options } });
    let result: NodeRun | null = null;
    worker.once("message", (run: NodeRun) => {
      result = run;
      // The program is over (runProgram says so); timers the runtime left do not matter.
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (exitCode) => {
      if (result) resolve(result);
      else reject(new Error(`the program's worker exited (code ${exitCode}) without a result`));
    });
  });
}
