/**
 * A worker thread that runs one compiled reader program and posts its `NodeRun` back: a fresh
 * worker is a fresh runtime, like the page's fresh worker for every run.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Speed } from "../../src/sandbox/protocol.ts";
import { runCompiled } from "./run-compiled.ts";

const { code, speed } = workerData as { code: string; speed: Speed };
parentPort?.postMessage(await runCompiled(code, speed));
