/**
 * The Python side of Run Python, in node: the same Pyodide the page loads, restored from the
 * memory snapshot the build ships (`build-python-snapshot.ts`: started, the site's imports
 * done), the recorder's own modules and the driver (`live_run.py`) through `runPythonProgram`,
 * as the sandbox worker calls it. Each program must print its CPython 3.14 recording exactly (python-3.14.out where
 * 3.14 prints something else, else python.out), which the recorder made on this same Pyodide
 * (scripts/python/pyodide_backend.py) through the plain harness, not through `live_run.py`:
 * so the driver's tracing changes nothing printed. Every event must pass the protocol check
 * the frame applies, or the page would never see it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { loadPyodide } from "pyodide";
import {
  parseRecordedTrace,
  recordedRun,
} from "../../../../src/playground/timeline/recorded-trace.ts";
import type { TraceEvent } from "../../../../src/runtime/asyncio/trace.ts";
import { parseTranscript, transcript } from "../../../../src/runtime/asyncio/transcript.ts";
import { isTraceEvent } from "../../../../src/sandbox/protocol-check.ts";
import { makePythonSnapshot } from "../../../../src/sandbox/python/build-python-snapshot.ts";
import {
  installSources,
  type PyodideLike,
  type PythonEnd,
  runPythonProgram,
} from "../../../../src/sandbox/python/python-run.ts";
import { pythonSources } from "../../../../src/sandbox/python/python-sources.ts";
import { PYODIDE_OPTIONS } from "../../../../src/sandbox/python/python-start-options.ts";

const sources = pythonSources();
const snapshot = makePythonSnapshot();

/** A fresh interpreter as the page's worker makes one: restored from the build's snapshot. */
async function restored(): Promise<PyodideLike> {
  const pyodide = (await loadPyodide({
    ...PYODIDE_OPTIONS,
    env: { ...PYODIDE_OPTIONS.env },
    _loadSnapshot: await snapshot,
  })) as unknown as PyodideLike;
  installSources(pyodide, sources);
  return pyodide;
}

/** One interpreter per program: the recorder patches it for good, as a fresh process would. */
async function runInPyodide(source: string): Promise<{ events: TraceEvent[] } & PythonEnd> {
  const pyodide = await restored();
  const events: TraceEvent[] = [];
  const end = await runPythonProgram(pyodide, source, (e) => events.push(e));
  return { events, ...end };
}

/** The lines a run printed, in order. */
function printed(events: TraceEvent[]): string[] {
  return events.flatMap((e) => (e.type === "print" ? [e.text] : []));
}

/** `id` is an example's, or a program's folder. */
function recording314(id: string, kind: "out" | "trace" = "out"): string {
  const dir = id.includes("/") ? id : `content/examples/${id}`;
  const own = `${dir}/python-3.14.${kind}`;
  return readFileSync(existsSync(own) ? own : `${dir}/python.${kind}`, "utf8");
}

// task-names prints differently on 3.14 (as on 3.13); err-task-exception reports a task freed mid-run;
// db-queries imports a stand-in (asyncpg); gw-taskgroup-fail ends in an ExceptionGroup.
for (const id of [
  "task-names",
  "err-task-exception",
  "db-queries",
  "gw-taskgroup-fail",
  "dbg-slow-callback",
]) {
  test(`${id}: Pyodide prints CPython 3.14's recording, in events the protocol accepts`, async () => {
    const { events } = await runInPyodide(readFileSync(`content/examples/${id}/main.py`, "utf8"));
    assert.equal(transcript(events), recording314(id));
    const refused = events.filter((e) => !isTraceEvent(e));
    assert.deepEqual(refused, []);
    // The timeline's events come too: every task is created, steps, and ends.
    const types = new Set(events.map((e) => e.type));
    if (id === "task-names") {
      // Since 3.13 a task named at creation has no Task-N number: the trace's id is negative.
      const named = events.filter((e) => e.type === "created" && e.task < 0);
      assert.deepEqual(
        named.map((e) => (e.type === "created" ? e.name : "")),
        ["fetch-users", "fetch-orders"],
      );
    }
    for (const type of ["created", "started", "suspended", "resumed"])
      assert.ok(types.has(type as TraceEvent["type"]), type);
  });
}

test("the snapshot's interpreter has done every run's imports, and installed nothing", async () => {
  const pyodide = await restored();
  const state = String(
    pyodide.runPython(`
import sys, time
loaded = [m for m in ("_asyncio_live_recorder.harness", "multiprocessing.managers", "multiprocessing.pool", "live_run", "pyodide_compat") if m in sys.modules]
# The recorder's patches come with a run (clock.install), not with the snapshot.
" ".join(loaded) + f" time.monotonic from {time.monotonic.__module__}"
`),
  );
  assert.equal(
    state,
    "_asyncio_live_recorder.harness multiprocessing.managers multiprocessing.pool live_run pyodide_compat time.monotonic from time",
  );
});

test("the reader's code cannot import the JavaScript bridge or install packages", async () => {
  const { events, failed } = await runInPyodide(
    [
      "import importlib",
      "for name in ('js', 'pyodide_js', 'pyodide.http', 'pyodide.ffi'):",
      "    try:",
      "        importlib.import_module(name)",
      "        print(name, 'imported')",
      "    except ImportError as e:",
      "        print(e)",
      "from pyodide.http import pyfetch",
    ].join("\n"),
  );
  assert.deepEqual(printed(events), [
    "No module named 'js' (the page's JavaScript is not reachable from Python here)",
    "No module named 'pyodide_js' (the page's JavaScript is not reachable from Python here)",
    "No module named 'pyodide.http' (Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network)",
    "No module named 'pyodide.ffi' (Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network)",
  ]);
  assert.deepEqual(failed, [
    "ModuleNotFoundError",
    "No module named 'pyodide.http' (Pyodide's JavaScript bridge (and pyodide.http) is not available here: no network)",
  ]);
});

/** The timeline's task events of a run (its lines are checked against the transcript). */
const taskEvents = (events: readonly TraceEvent[]) =>
  events.filter((e) => e.type !== "print" && e.type !== "exception" && e.type !== "loop-error");

test("task-shield: the live run's task events are the 3.14 recording's python.trace, labels and ids alike", async () => {
  const { events } = await runInPyodide(
    readFileSync("content/examples/task-shield/main.py", "utf8"),
  );
  const trace = parseRecordedTrace(recording314("task-shield", "trace"));
  assert.ok(trace);
  const recorded = recordedRun(trace, parseTranscript(recording314("task-shield"))).events;
  assert.deepEqual(taskEvents(events), taskEvents(recorded));
  // The wait on the shield's outer future is called what the TypeScript runtime calls it.
  assert.ok(events.some((e) => e.type === "suspended" && e.on === "shield"));
});

for (const [what, source, type, position] of [
  [
    "a SyntaxError points at its line and column",
    "import asyncio\n\nasync def main(:\n    pass\n",
    "SyntaxError",
    { line: 3, column: 16 },
  ],
  [
    "an IndentationError points at its line",
    "print('a')\nif True:\n  x = 1\n    y = 2\n",
    "IndentationError",
    // CPython's own offset for an unexpected indent: the last column of the indent.
    { line: 4, column: 4 },
  ],
  [
    "an exception raised in a task points at the raising line, not at asyncio.run",
    [
      "import asyncio",
      "",
      "async def work():",
      "    await asyncio.sleep(1)",
      "    return {}['é']",
      "",
      "async def main():",
      "    await asyncio.create_task(work())",
      "",
      "asyncio.run(main())",
    ].join("\n"),
    "KeyError",
    { line: 5, column: 12 },
  ],
] as const) {
  test(`the end of a failed run says where in main.py: ${what}`, async () => {
    const end = await runInPyodide(source);
    assert.equal(end.failed?.[0], type);
    assert.deepEqual(end.position, position);
  });
}

test("an exception raised outside the reader's file (a stand-in's, asyncio's) points at their line that called it", async () => {
  const end = await runInPyodide("import asyncio\nasyncio.run(None)\n");
  assert.equal(end.failed?.[0], "TypeError"); // 3.14: "a coroutine was expected, got None"
  assert.deepEqual(end.position, { line: 2, column: 1 });
});

// Pyodide has no threads, processes or signals; the recorder's stand-ins for them
// (scripts/python/on_pyodide/: a thread is a stack JSPI suspends, a process pool runs its calls
// here through pickle, a signal reaches the loop as through its wake-up fd) run every such
// program on the site as CPython recorded it, threads that block on the loop included.
const THREADED = [
  "content/examples/thr-to-thread",
  "content/examples/thr-pool",
  "content/examples/thr-thread-error",
  "content/examples/thr-cpu-process",
  "content/examples/ctx-thread-local",
  "content/examples/bridge-threadsafe",
  "content/examples/shut-pool",
  "content/examples/shut-server",
  "content/exercises/bridge-give-up-in-time",
  "content/exercises/shut-drain",
  "content/exercises/thr-two-workers",
];
for (const dir of THREADED) {
  test(`${dir}: threads, processes or signals, and Pyodide prints CPython's recording`, async () => {
    const { events, failed } = await runInPyodide(readFileSync(`${dir}/main.py`, "utf8"));
    assert.equal(transcript(events), recording314(dir));
    assert.deepEqual(
      events.filter((e) => !isTraceEvent(e)),
      [],
    );
    assert.equal(failed, null);
  });
}

for (const id of ["thr-to-thread", "bridge-threadsafe"]) {
  test(`${id}: the live timeline is the recorded one (waits on a thread, a loop in a thread)`, async () => {
    const { events } = await runInPyodide(readFileSync(`content/examples/${id}/main.py`, "utf8"));
    const trace = parseRecordedTrace(recording314(id, "trace"));
    assert.ok(trace);
    const recorded = recordedRun(trace, parseTranscript(recording314(id))).events;
    assert.deepEqual(taskEvents(events), taskEvents(recorded));
  });
}

test("threads take turns: each has its own threading.local and name, and join waits for its end", async () => {
  const { events, failed } = await runInPyodide(
    [
      "import threading, time",
      "local = threading.local()",
      "local.who = 'main'",
      "ready = threading.Event()",
      "def work(n):",
      "    local.who = f'worker {n}'",
      "    ready.wait()",
      "    time.sleep(0.5)",
      "    print(threading.current_thread().name, local.who)",
      "threads = [threading.Thread(target=work, args=(n,)) for n in (1, 2)]",
      "for t in threads:",
      "    t.start()",
      "ready.set()",
      "for t in threads:",
      "    t.join()",
      "print(local.who, [t.is_alive() for t in threads])",
    ].join("\n"),
  );
  assert.equal(failed, null);
  assert.deepEqual(printed(events), [
    "Thread-1 (work) worker 1",
    "Thread-2 (work) worker 2",
    "main [False, False]",
  ]);
});

test("a wait with a timeout that nothing else can end times out at once instead of hanging", async () => {
  const { events, failed } = await runInPyodide(
    [
      "import threading, concurrent.futures",
      "print(threading.Event().wait(5))",
      "try:",
      "    concurrent.futures.Future().result(timeout=5)",
      "except TimeoutError:",
      "    print('timed out')",
      "done = threading.Event()",
      "def work():",
      "    print('worker ran first')",
      "    done.set()",
      "threading.Thread(target=work).start()",
      "print(done.wait(5))",
    ].join("\n"),
  );
  assert.equal(failed, null);
  assert.deepEqual(printed(events), ["False", "timed out", "worker ran first", "True"]);
});

for (const [what, source, message] of [
  [
    "a lock taken twice by one thread (CPython hangs)",
    "import threading\nlock = threading.Lock()\nlock.acquire()\nlock.acquire()\n",
    "the program waits for ever: every thread waits, and nothing can wake one",
  ],
  [
    "a signal handler whose signal never comes",
    "import asyncio, signal\n\nasync def main():\n    stop = asyncio.Event()\n    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)\n    await stop.wait()\n\nasyncio.run(main())\n",
    "the program waits for ever: no timer and nothing else can wake it",
  ],
] as const) {
  test(`${what} fails at once instead of waiting for ever`, async () => {
    const end = await runInPyodide(source);
    assert.deepEqual(end.failed, ["RuntimeError", message]);
  });
}

test("a process pool's call goes through pickle, as to a child process", async () => {
  const { events } = await runInPyodide(
    [
      "import asyncio",
      "from concurrent.futures import ProcessPoolExecutor",
      "def square(n):",
      "    return n * n",
      "async def main():",
      "    loop = asyncio.get_running_loop()",
      "    with ProcessPoolExecutor() as pool:",
      "        print(await loop.run_in_executor(pool, square, 7))",
      "        try:",
      "            await loop.run_in_executor(pool, lambda: 1)",
      "        except Exception as e:",
      "            print(type(e).__name__)",
      "asyncio.run(main())",
    ].join("\n"),
  );
  assert.deepEqual(printed(events), ["49", "PicklingError"]);
});
