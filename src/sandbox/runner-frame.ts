/**
 * The runner frame: a static page loaded in `<iframe sandbox="allow-scripts">`, so it has an
 * opaque origin (no cookies, no storage, no access to the site) and a CSP with no network.
 * It refuses to run anything when its origin is not opaque (framed elsewhere without the
 * sandbox attribute, reader code would run with the site's own origin).
 *
 * It talks to the page over a private port the page hands it once (`HostHandover`), starts one
 * Worker per run, hands it a private port (worker-protocol.ts), checks every
 * message from it against the protocol, keeps the run's budget, and relays the trace to the
 * page in batches tagged with the example's channel and the run's id, no faster than the page
 * acknowledges them (`RelayOutbox`). It stops runs that go wrong: Stop, a wall-clock limit,
 * silence (a synchronous endless loop), a budget overrun, or messages that break the protocol.
 *
 * At most one worker waits idle: made when the page asks to preload a program (the reader came
 * near an example) or once a run's first output is drawn, with the programs the next Run is likely to run
 * already loaded into it, so that Run only says "go" when its code is one of them.
 */
import { DEFAULT_PYTHON, isPythonVersion } from "../runtime/asyncio/python-version.ts";
import { LIMITS } from "./limits.ts";
import type { PortedWorker } from "./ported-worker.ts";
import type { HostHandover, HostMessage, RunError, RunnerMessage, RunStatus } from "./protocol.ts";
import { PROTOCOL_BOUNDS } from "./protocol-bounds.ts";
import { isInterpreterVersion, isRunPayload } from "./protocol-check.ts";
import { isPythonRuntime, PythonSpare } from "./python/python-spare.ts";
import type { FrameToPythonWorker } from "./python/python-worker-protocol.ts";
import { type Outgoing, RelayOutbox } from "./relay-outbox.ts";
import { type Overrun, RunBudget } from "./run-budget.ts";
import type { FrameToWorker, FrameToWorkerGlobal, WorkerToFrame } from "./worker-protocol.ts";

/** How long a Python worker may take to boot Pyodide before its run's wall limit starts. */
const PYTHON_BOOT_MS = 60_000;

/**
 * Silence a Python run may keep before it is taken for stuck. Python signals life between its
 * tasks' steps, but a step (or a program's start: compiling it, an exception's traceback) runs
 * some ten times slower than the same in TypeScript, and on a loaded machine slower still.
 */
const PYTHON_SILENCE_MS = 2 * LIMITS.silenceMs;

/** Programs one idle worker holds at most (the examples a reader pointed at since the last run). */
const MAX_PRELOADED = 8;

interface Run {
  channel: string;
  id: number;
  sandbox: PortedWorker;
  startedAt: number;
  lastSign: number;
  /** Silence after which the run is taken for stuck (`LIMITS.silenceMs`; longer for Python). */
  silenceMs: number;
  wallLimitMs: number;
  lastT: number;
  budget: RunBudget;
  watchdog: ReturnType<typeof setInterval>;
  outbox: RelayOutbox;
  /** The code the next idle worker loads, until it is made (`prepareNext`); null once made. */
  next: string | null;
  /**
   * A Python run: the next spare boots once the page has drawn this run's first printed line,
   * or the run ended (`preparePython`), not beside that line: a boot is a few hundred ms of
   * a core, and on two cores it held back the run's own boot and first line.
   */
  nextPython: boolean;
  /** A line this run printed has been relayed to the page. */
  printed: boolean;
}

const runs = new Map<string, Run>();
let spare: PortedWorker | null = null;
let workerUrl = "";
/** The frame's end of the page's private channel (`HostHandover`), once handed over. */
let host: MessagePort | null = null;

function send(message: RunnerMessage): void {
  if (host) host.postMessage(message);
  else parent.postMessage(message, "*");
}

let programIds = 0;

/** Pyodide's files once the page hands them over, and the spare Python worker. */
const pythonSpare = new PythonSpare(spawn);

function spawn(url = workerUrl, name = "asyncio-sandbox"): PortedWorker {
  const worker = new Worker(url, { name });
  const channel = new MessageChannel();
  const handover: FrameToWorkerGlobal = { kind: "port" };
  worker.postMessage(handover, [channel.port2]);
  const made: PortedWorker = {
    worker,
    port: channel.port1,
    programs: new Map(),
    held: new Set(),
    ready: false,
  };
  // While idle it only says which programs it holds (its run replaces this listener).
  made.port.onmessage = (e: MessageEvent<unknown>) => {
    const m = checked(e.data);
    if (m?.kind === "python-ready") {
      made.ready = true;
      pythonSpare.show();
    }
    if (m?.kind !== "held" || made !== spare) return;
    made.held.add(m.id);
    showIdle();
  };
  return made;
}

/**
 * How many programs the idle worker holds ready, on the frame's root element (for tests and
 * the curious): `data-idle-programs`, and `data-last-start` says whether the last run started
 * from a held program (`held`) or from code sent with it (`code`).
 */
function showIdle(): void {
  document.documentElement.dataset["idlePrograms"] = String(spare?.held.size ?? 0);
}

function takeWorker(): PortedWorker {
  const taken = spare ?? spawn();
  spare = null;
  showIdle();
  return taken;
}

/** Makes the idle worker (if there is none) and loads `code` into it (if it has room). */
function preload(code: string): void {
  spare ??= spawn();
  if (spare.programs.has(code) || spare.programs.size >= MAX_PRELOADED) return;
  const id = ++programIds;
  spare.programs.set(code, id);
  const load: FrameToWorker = { kind: "load", id, code };
  spare.port.postMessage(load);
}

function outboxFor(channel: string, run: number): RelayOutbox {
  return new RelayOutbox((m: Outgoing) => send({ ...m, channel, run }), {
    now: () => performance.now(),
    later: (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  });
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
  prepareNext(run);
  preparePython(run);
  run.sandbox.worker.terminate();
  run.sandbox.port.close();
  run.outbox.drain();
  send({ channel: run.channel, kind: "end", run: run.id, status, t, error, detail });
}

function stopFor(run: Run, overrun: Overrun | null): boolean {
  if (overrun) finish(run, overrun.status, overrun.detail);
  return overrun !== null;
}

const isTime = (t: unknown): t is number =>
  typeof t === "number" && Number.isFinite(t) && t >= 0 && t <= PROTOCOL_BOUNDS.maxT;

/** The message in the protocol's shape, or null (damaged, or sent by a program gone wrong). */
function checked(data: unknown): WorkerToFrame | null {
  if (typeof data !== "object" || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.kind === "beat" || m.kind === "python-ready") return data as WorkerToFrame;
  if (m.kind === "python-started")
    return isInterpreterVersion(m.version) ? (data as WorkerToFrame) : null;
  if (m.kind === "held") return Number.isSafeInteger(m.id) ? (data as WorkerToFrame) : null;
  if (m.kind === "closed") return isTime(m.t) ? (data as WorkerToFrame) : null;
  if (m.kind === "events" && !(Number.isSafeInteger(m.dropped) && (m.dropped as number) >= 0))
    return null;
  return isRunPayload(m) ? (data as WorkerToFrame) : null;
}

function onWorkerMessage(run: Run, raw: unknown): void {
  if (runs.get(run.channel) !== run) return;
  const now = performance.now();
  // Math.max: a Python run's boot allowance (`startPython`) is not cut short by its beats.
  run.lastSign = Math.max(run.lastSign, now);
  if (stopFor(run, run.budget.message(now))) return;
  const data = checked(raw);
  if (!data) {
    stopFor(run, run.budget.refuse());
    return;
  }
  switch (data.kind) {
    case "beat":
    case "held":
      return;
    case "python-ready":
      run.sandbox.ready = true;
      return;
    case "python-started":
      // Booting took what it took: the wall limit counts the program's own time.
      run.startedAt = now;
      run.lastSign = now;
      send({ channel: run.channel, kind: "python-version", run: run.id, version: data.version });
      return;
    case "events": {
      run.lastT = data.events[data.events.length - 1]?.t ?? run.lastT;
      run.outbox.events(data.events);
      run.printed ||= data.events.some((e) => e.type === "print");
      stopFor(run, run.budget.trace(data.events, data.dropped));
      return;
    }
    case "error": {
      const { t, error, origin } = data;
      run.outbox.error({ kind: "error", t, error, origin });
      stopFor(run, run.budget.error(error));
      return;
    }
    case "end":
      finish(run, data.status, data.detail, data.error, data.t);
      return;
    case "closed":
      finish(run, "closed", "the program closed its worker", null, data.t);
      return;
  }
}

function start(
  message: Extract<HostMessage, { kind: "run" | "run-python" }>,
  sandbox: PortedWorker,
): Run {
  const previous = runs.get(message.channel);
  if (previous) finish(previous, "stopped", "restarted");
  const now = performance.now();
  const run: Run = {
    channel: message.channel,
    id: message.run,
    sandbox,
    startedAt: now,
    lastSign: now,
    silenceMs: LIMITS.silenceMs,
    wallLimitMs:
      1000 * (message.speed === "instant" ? LIMITS.wallSecondsInstant : LIMITS.wallSecondsReal),
    lastT: 0,
    budget: new RunBudget(),
    outbox: outboxFor(message.channel, message.run),
    next: null,
    nextPython: false,
    printed: false,
    watchdog: setInterval(() => {
      const at = performance.now();
      if (at - run.lastSign > run.silenceMs) {
        finish(
          run,
          "timeout",
          `stopped: no sign of life for ${run.silenceMs / 1000} s (a loop that never awaits, or memory running out?)`,
        );
      } else if (at - run.startedAt > run.wallLimitMs) {
        finish(run, "timeout", `stopped after ${run.wallLimitMs / 1000} s of wall time`);
      }
    }, LIMITS.heartbeatMs),
  };
  runs.set(run.channel, run);
  const { worker, port } = run.sandbox;
  port.onmessage = (e: MessageEvent<unknown>) => onWorkerMessage(run, e.data);
  // The worker's global channel is the reader's too: whatever arrives there is forged.
  worker.onmessage = () => {
    if (runs.get(run.channel) === run) stopFor(run, run.budget.refuse());
  };
  worker.onerror = (e) => {
    e.preventDefault();
    finish(run, "failed", e.message || "the worker failed");
  };
  return run;
}

function startTypeScript(message: Extract<HostMessage, { kind: "run" }>): void {
  const run = start(message, takeWorker());
  const { port } = run.sandbox;
  const loaded = run.sandbox.programs.get(message.code);
  const toWorker: FrameToWorker =
    loaded === undefined
      ? { kind: "run", code: message.code, speed: message.speed, python: message.python }
      : { kind: "go", id: loaded, speed: message.speed, python: message.python };
  port.postMessage(toWorker);
  document.documentElement.dataset["lastStart"] = loaded === undefined ? "code" : "held";
  run.next = message.code;
}

/**
 * Makes the next idle worker, with this run's code loaded, once the page has drawn the run's
 * first output (its first acknowledgement) or the run ended. Made at the go, its start-up (some
 * 10–20 ms of a core: the runtime's script compiled and run) competed with this run's first
 * line for the machine's cores, on the way from the worker through this frame to the page.
 */
function prepareNext(run: Run): void {
  const code = run.next;
  if (code === null) return;
  run.next = null;
  setTimeout(() => preload(code), 0);
}

/** A Run Python: on the spare Python worker (booted ahead), then a new spare boots. */
function startPython(message: Extract<HostMessage, { kind: "run-python" }>): void {
  const sandbox = pythonSpare.take();
  if (!sandbox) {
    send({
      channel: message.channel,
      kind: "end",
      run: message.run,
      status: "failed",
      t: 0,
      error: null,
      detail: "Python is not loaded",
    });
    return;
  }
  const run = start(message, sandbox);
  // Booting Pyodide (a spare may still be at it) gets its own allowance before the limits.
  run.startedAt += PYTHON_BOOT_MS;
  run.lastSign += PYTHON_BOOT_MS;
  run.silenceMs = PYTHON_SILENCE_MS;
  const toWorker: FrameToPythonWorker = { kind: "run", code: message.code, speed: message.speed };
  run.sandbox.port.postMessage(toWorker);
  run.nextPython = true;
}

/** Boots the next spare Python worker, if this run deferred it (`startPython`). */
function preparePython(run: Run): void {
  if (!run.nextPython) return;
  run.nextPython = false;
  setTimeout(() => pythonSpare.boot(), 0);
}

const isRunId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** The page's message on the private channel: only the page holds its other end. */
function onHostMessage(e: MessageEvent<unknown>): void {
  const m = e.data as Partial<Record<string, unknown>> | null;
  if (typeof m !== "object" || m === null || typeof m.channel !== "string") return;
  if (m.kind === "run" && typeof m.code === "string" && isRunId(m.run)) {
    const speed = m.speed === "10x" || m.speed === "instant" ? m.speed : "1x";
    const python = isPythonVersion(m.python) ? m.python : DEFAULT_PYTHON;
    startTypeScript({ channel: m.channel, kind: "run", run: m.run, code: m.code, speed, python });
  } else if (m.kind === "run-python" && typeof m.code === "string" && isRunId(m.run)) {
    const speed = m.speed === "10x" || m.speed === "instant" ? m.speed : "1x";
    startPython({ channel: m.channel, kind: "run-python", run: m.run, code: m.code, speed });
  } else if (m.kind === "python-runtime" && isPythonRuntime(m.runtime)) {
    pythonSpare.load(m.runtime);
  } else if (m.kind === "stop") {
    const run = runs.get(m.channel);
    if (run && run.id === m.run) finish(run, "stopped", "stopped");
  } else if (m.kind === "ack" && Number.isSafeInteger(m.count) && (m.count as number) > 0) {
    const run = runs.get(m.channel);
    if (run && run.id === m.run) {
      run.outbox.ack(m.count as number);
      prepareNext(run);
      if (run.printed) preparePython(run);
    }
  } else if (m.kind === "preload" && typeof m.code === "string") preload(m.code);
  else if (m.kind === "ping" && Number.isSafeInteger(m.seq))
    send({ channel: "*", kind: "pong", seq: m.seq as number });
}

/** The page's handover of the private channel: from the parent, once. */
function takeHostPort(e: MessageEvent<unknown>): void {
  const given = e.ports[0];
  const m = e.data as Partial<HostHandover> | null;
  if (host || e.source !== parent || m?.kind !== "port" || !given) return;
  host = given;
  removeEventListener("message", takeHostPort);
  host.onmessage = onHostMessage;
}

// Only an opaque origin (the sandbox attribute) keeps reader code away from the site's storage.
if (self.origin === "null") {
  const workerSource = document.getElementById("worker-source")?.textContent ?? "";
  workerUrl = URL.createObjectURL(new Blob([workerSource], { type: "text/javascript" }));
  addEventListener("message", takeHostPort);
  send({ channel: "*", kind: "ready" });
}
