/**
 * The runner frame: a static page loaded in `<iframe sandbox="allow-scripts">`, so it has an
 * opaque origin (no cookies, no storage, no access to the site) and a CSP with no network.
 * It starts one Worker per run from a blob of the worker's code, relays the worker's messages
 * to the page tagged with the example's channel, and stops runs that go wrong: Stop, a
 * wall-clock limit, silence (a synchronous endless loop), or too much output.
 */
import { LIMITS } from "./limits.ts";
import type { HostMessage, RunError, RunnerMessage, RunStatus } from "./protocol.ts";
import type { FrameToWorker, WorkerToFrame } from "./worker-protocol.ts";

interface Run {
  channel: string;
  worker: Worker;
  startedAt: number;
  lastSign: number;
  wallLimitMs: number;
  lines: number;
  chars: number;
  lastT: number;
  watchdog: ReturnType<typeof setInterval>;
}

const workerSource = document.getElementById("worker-source")?.textContent ?? "";
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));

const runs = new Map<string, Run>();
let spare: Worker | null = null;

function send(message: RunnerMessage): void {
  parent.postMessage(message, "*");
}

function takeWorker(): Worker {
  const worker = spare ?? new Worker(workerUrl, { name: "asyncio-sandbox" });
  spare = null;
  return worker;
}

function warm(): void {
  spare ??= new Worker(workerUrl, { name: "asyncio-sandbox" });
}

function finish(
  run: Run,
  status: RunStatus,
  detail: string,
  error: RunError | null = null,
  t = run.lastT,
): void {
  if (runs.get(run.channel) !== run) return;
  runs.delete(run.channel);
  clearInterval(run.watchdog);
  run.worker.terminate();
  send({ channel: run.channel, kind: "end", status, t, error, detail });
}

function onWorkerMessage(run: Run, data: WorkerToFrame): void {
  if (runs.get(run.channel) !== run) return;
  run.lastSign = performance.now();
  switch (data.kind) {
    case "beat":
      return;
    case "events": {
      for (const e of data.events) {
        run.lastT = e.t;
        if (e.type === "print") {
          run.lines += 1;
          run.chars += e.text.length + 1;
        }
      }
      send({ channel: run.channel, kind: "events", events: data.events });
      if (run.lines > LIMITS.maxLines || run.chars > LIMITS.maxChars) {
        finish(run, "output-limit", `output limit reached (${LIMITS.maxLines} lines or 1 MB)`);
      }
      return;
    }
    case "error":
      send({
        channel: run.channel,
        kind: "error",
        t: data.t,
        error: data.error,
        origin: data.origin,
      });
      return;
    case "end":
      finish(run, data.status, data.detail, data.error, data.t);
      return;
  }
}

function start(message: Extract<HostMessage, { kind: "run" }>): void {
  const previous = runs.get(message.channel);
  if (previous) finish(previous, "stopped", "restarted");
  const now = performance.now();
  const run: Run = {
    channel: message.channel,
    worker: takeWorker(),
    startedAt: now,
    lastSign: now,
    wallLimitMs:
      1000 * (message.speed === "instant" ? LIMITS.wallSecondsInstant : LIMITS.wallSecondsReal),
    lines: 0,
    chars: 0,
    lastT: 0,
    watchdog: setInterval(() => {
      const at = performance.now();
      if (at - run.lastSign > LIMITS.silenceMs) {
        finish(
          run,
          "timeout",
          `stopped: no sign of life for ${LIMITS.silenceMs / 1000} s (a loop that never awaits?)`,
        );
      } else if (at - run.startedAt > run.wallLimitMs) {
        finish(run, "timeout", `stopped after ${run.wallLimitMs / 1000} s of wall time`);
      }
    }, LIMITS.heartbeatMs),
  };
  runs.set(run.channel, run);
  run.worker.onmessage = (e: MessageEvent<WorkerToFrame>) => onWorkerMessage(run, e.data);
  run.worker.onerror = (e) => {
    e.preventDefault();
    finish(run, "failed", e.message || "the worker failed");
  };
  const toWorker: FrameToWorker = { kind: "run", code: message.code, speed: message.speed };
  run.worker.postMessage(toWorker);
  // The next run should not pay for starting a worker.
  setTimeout(warm, 0);
}

addEventListener("message", (e: MessageEvent<HostMessage>) => {
  if (e.source !== parent) return;
  const m = e.data;
  if (typeof m !== "object" || m === null || typeof m.channel !== "string") return;
  if (m.kind === "run" && typeof m.code === "string") start(m);
  else if (m.kind === "stop") {
    const run = runs.get(m.channel);
    if (run) finish(run, "stopped", "stopped");
  } else if (m.kind === "warm") warm();
});

send({ channel: "*", kind: "ready" });
