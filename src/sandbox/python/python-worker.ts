/**
 * The Python worker: boots Pyodide from the bytes the frame hands it, then runs one `main.py`
 * through the recorder's driver (`python-run.ts`) and streams its trace to the frame, as the
 * TypeScript worker does (same `WorkerToFrame` messages, same port handover: see
 * worker-protocol.ts). One run per worker; the frame terminates it afterwards, and keeps a
 * spare one booted so the next Run Python starts at once.
 *
 * Pyodide asks for its files by URL; here none leaves the worker: `fetch` answers from the
 * bytes given (and the frame's CSP has no network anyway), the Emscripten factory (an ES
 * module since Pyodide 314) is imported from a blob and handed to Pyodide's loader, the wasm
 * is the module the frame compiled, and Python is restored from the build's memory snapshot
 * (`build-python-snapshot.ts`) rather than started.
 */
import { loadPyodide } from "pyodide";
import type { TraceEvent } from "../../runtime/asyncio/trace.ts";
import { LIMITS } from "../limits.ts";
import { PROTOCOL_BOUNDS } from "../protocol-bounds.ts";
import { cutEvent } from "../text-cut.ts";
import type { FrameToWorkerGlobal, WorkerToFrame } from "../worker-protocol.ts";
import { capWasmHeap, PYTHON_HEAP_BYTES } from "./heap-cap.ts";
import { paceEvents } from "./paced-release.ts";
import {
  installSources,
  type PyodideLike,
  type PythonEnd,
  runPythonProgram,
} from "./python-run.ts";
import { PYODIDE_OPTIONS } from "./python-start-options.ts";
import type { FrameToPythonWorker } from "./python-worker-protocol.ts";
import { packedLength, restoreZeroPagesInto } from "./zero-pages.ts";

declare const __PYTHON_SOURCES__: Record<string, string>;

// Before Pyodide makes its heap: a program that fills memory gets Python's MemoryError.
capWasmHeap(PYTHON_HEAP_BYTES);

const RATES = { "1x": 1, "10x": 10, instant: 0 } as const;
/** Events a paced run may hold before it is cut (an endless program computes ahead of the clock). */
const MAX_HELD = 20_000;
/** At Instant, what Python printed is sent at least this often (it runs without yielding). */
const FLUSH_MS = 50;
/** Where Pyodide thinks its files are: never fetched, `files` answers. */
const INDEX = "https://pyodide.invalid/";

const portPost = MessagePort.prototype.postMessage;
const nativeSetTimeout = setTimeout;
let port: MessagePort | null = null;
const post = (message: WorkerToFrame) => {
  if (port) portPost.call(port, message);
};

type BootMessage = Extract<FrameToPythonWorker, { kind: "boot" }>;
let startBoot: (message: BootMessage) => void = () => {};
/** The interpreter, once the frame's `boot` has come (a run may be asked for before it does). */
const booted: Promise<PyodideLike> = new Promise<BootMessage>((resolve) => {
  startBoot = resolve;
}).then(boot);
booted.then(
  () => post({ kind: "python-ready" }),
  () => {},
);
/** The interpreter's `sys.version_info[:3]`, read once it has booted (`3.14.2`). */
let version = "";

/**
 * The build's snapshot, inflated on this worker's thread (it comes gzipped, as served), still
 * without its zero pages (zero-pages.ts): `restoreHeapSparsely` writes it into the heap.
 */
async function inflate(gzipped: Blob): Promise<Uint8Array> {
  const stream = gzipped.stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The part of Emscripten's module this worker touches when Python is restored. */
interface RestoredModule {
  HEAP8: Int8Array;
  API: { restoreSnapshot(snapshot: Uint8Array): unknown };
}

/**
 * Makes Pyodide restore its heap from the packed snapshot directly. Its own `restoreSnapshot`
 * reads the header and the JSON of JavaScript references (checking the magic number and the
 * build id), then copies the whole snapshot into the heap: it is given the header alone, so it
 * copies nothing, and only the pages that are not zeros are written, into a heap that is fresh
 * and so zero-filled already. Unpacking the whole snapshot first and copying it wrote 31 MB
 * twice, half of it zeros.
 */
function restoreHeapSparsely(made: RestoredModule, packed: Uint8Array): void {
  const readHeader = made.API.restoreSnapshot;
  made.API.restoreSnapshot = () => {
    // Pyodide's layout: a magic number, then where the heap starts (a multiple of 16).
    const first = new Uint8Array(16);
    restoreZeroPagesInto(packed, first, 0, 0, 16);
    const heapStart = new DataView(first.buffer).getUint32(4, true);
    const header = new Uint8Array(heapStart);
    restoreZeroPagesInto(packed, header, 0, 0, heapStart);
    const references = readHeader.call(made.API, header);
    const heap = new Uint8Array(made.HEAP8.buffer);
    restoreZeroPagesInto(packed, heap, 0, heapStart, packedLength(packed));
    return references;
  };
}

async function boot({ runtime, module }: BootMessage): Promise<PyodideLike> {
  // Inflated while the factory's module loads: loadPyodide awaits it only once it needs it.
  const packed = inflate(runtime.snapshot);
  // Pyodide sizes the heap by the snapshot's length; the bytes come from `restoreHeapSparsely`.
  const snapshot = packed.then((p) => new Uint8Array(packedLength(p)));
  snapshot.catch(() => {}); // a damaged one fails loadPyodide, which says so
  const files = new Map<string, Response>([
    // Asked for, never read: the module the frame compiled is instantiated instead (below).
    [`${INDEX}pyodide.asm.wasm`, new Response(null)],
    [`${INDEX}python_stdlib.zip`, new Response(runtime.stdlib)],
  ]);
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL) => {
    const url = String(input instanceof Request ? input.url : input);
    const found = files.get(url);
    if (!found) throw new TypeError(`no network in the sandbox (${url})`);
    return found;
  }) as typeof fetch;
  // The page typed the Blob as JavaScript: imported from it as it is, no copy.
  const factory = URL.createObjectURL(runtime.asmJs);
  const asm = (await import(/* @vite-ignore */ factory)) as {
    default: NonNullable<NonNullable<Parameters<typeof loadPyodide>[0]>["createPyodideModule"]>;
  };
  URL.revokeObjectURL(factory);
  // Pyodide instantiates its wasm from the response it fetched; here from the frame's module.
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (_source, imports) => ({
    module,
    instance: await WebAssembly.instantiate(module, imports),
  });
  const pyodide = await loadPyodide({
    ...PYODIDE_OPTIONS,
    env: { ...PYODIDE_OPTIONS.env },
    indexURL: INDEX,
    lockFileContents: runtime.lock,
    createPyodideModule: async (settings: Parameters<typeof asm.default>[0]) => {
      const made = (await asm.default(settings)) as unknown as RestoredModule;
      restoreHeapSparsely(made, await packed);
      return made as unknown as Awaited<ReturnType<typeof asm.default>>;
    },
    // Python as the build left it: started, with every run's imports done (python-warm-up.ts).
    _loadSnapshot: snapshot,
  });
  globalThis.fetch = realFetch;
  WebAssembly.instantiateStreaming = instantiateStreaming;
  const api = pyodide as unknown as PyodideLike;
  // The file system is not in the snapshot (it lives in JavaScript): the recorder's files again.
  installSources(api, __PYTHON_SOURCES__);
  // Asked of the interpreter itself: the Pyodide the site ships may change its Python.
  version = String(api.runPython("'.'.join(map(str, __import__('sys').version_info[:3]))"));
  return api;
}

async function run(code: string, speed: keyof typeof RATES): Promise<void> {
  const pyodide = await booted;
  post({ kind: "python-started", version });
  const rate = RATES[speed];
  const held: TraceEvent[] = [];
  let batch: TraceEvent[] = [];
  let dropped = 0;
  let lastT = 0;
  let flushedAt = Number.NEGATIVE_INFINITY;
  const flush = () => {
    flushedAt = performance.now();
    if (batch.length === 0) return;
    post({ kind: "events", events: batch, dropped });
    batch = [];
    dropped = 0;
  };
  let beatAt = performance.now();
  let printed = false;
  const onEvent = (event: TraceEvent) => {
    lastT = event.t;
    // Python runs without yielding to this worker's timers: a program that steps its tasks
    // shows it is alive from here (`while True: pass` takes no step, and says nothing).
    const now = performance.now();
    if (now - beatAt > LIMITS.heartbeatMs) {
      beatAt = now;
      post({ kind: "beat" });
    }
    const cut = cutEvent(event);
    if (rate > 0) {
      held.push(cut.event);
      // Past this it would never end: show what there is, and say why it stopped.
      if (held.length > MAX_HELD) {
        for (let i = 0; i < held.length; i += PROTOCOL_BOUNDS.batch)
          post({ kind: "events", events: held.slice(i, i + PROTOCOL_BOUNDS.batch), dropped: 0 });
        post({
          kind: "end",
          status: "output-limit",
          t: lastT,
          error: null,
          detail: `stopped: more than ${MAX_HELD} events`,
        });
        throw new Error("held too many events");
      }
      return;
    }
    batch.push(cut.event);
    dropped += cut.dropped;
    // Sent while Python still runs: a flood reaches the frame's budget, which stops it, and
    // a line printed before a long computation shows at once. The run's first line goes at
    // once: held with the rest of a short program's events, it showed only at its end.
    const first = !printed && event.type === "print";
    printed ||= first;
    if (first || batch.length >= 256 || now - flushedAt > FLUSH_MS) flush();
  };
  let end: PythonEnd;
  try {
    end = await runPythonProgram(pyodide, code, onEvent);
  } catch (error) {
    flush();
    post({
      kind: "end",
      status: "failed",
      t: lastT,
      error: null,
      detail: `Python failed: ${String(error).slice(0, 500)}`,
    });
    return;
  }
  const finish = () => {
    flush();
    const [type, message] = end.failed ?? ["", ""];
    post({
      kind: "end",
      status: end.failed ? "failed" : "finished",
      t: end.t,
      error: end.failed ? { type, message, position: end.position } : null,
      detail: "",
    });
  };
  if (rate === 0) {
    finish();
    return;
  }
  paceEvents(
    held,
    rate,
    (events) => {
      for (let i = 0; i < events.length; i += PROTOCOL_BOUNDS.batch)
        post({ kind: "events", events: events.slice(i, i + PROTOCOL_BOUNDS.batch), dropped: 0 });
    },
    finish,
    { now: () => performance.now(), later: (fn, ms) => void nativeSetTimeout(fn, ms) },
  );
}

let started = false;

function onPortMessage(e: MessageEvent<FrameToPythonWorker>): void {
  const message = e.data;
  if (message?.kind === "boot") startBoot(message);
  else if (message?.kind === "run" && !started) {
    started = true;
    run(message.code, message.speed).catch((error: unknown) =>
      post({
        kind: "end",
        status: "failed",
        t: 0,
        error: null,
        detail: `Python failed: ${String(error).slice(0, 500)}`,
      }),
    );
  }
}

function takePort(e: MessageEvent<FrameToWorkerGlobal>): void {
  const given = e.ports[0];
  if (port || e.data?.kind !== "port" || !given) return;
  port = given;
  removeEventListener("message", takePort);
  given.onmessage = onPortMessage;
  setInterval(() => post({ kind: "beat" }), LIMITS.heartbeatMs);
}
addEventListener("message", takePort);
