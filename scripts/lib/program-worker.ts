/**
 * A worker thread that runs one compiled reader program and posts its `NodeRun` back: a fresh
 * worker is a fresh runtime, like the page's fresh worker for every run.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { RunOptions } from "../../src/sandbox/protocol.ts";
import { runCompiled } from "./run-compiled.ts";

const { code, options } = workerData as { code: string; options: Partial<RunOptions> };
parentPort?.postMessage(await runCompiled(code, options));
