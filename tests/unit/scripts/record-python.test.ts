/**
 * The Python recorder's harness (scripts/python/record.py) on small programs: each is written
 * to a temp folder as main.py, recorded in a fresh CPython process, and its transcript compared
 * with what CPython's semantics give on a virtual clock (docs/TEAM.md, "Transcript format").
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../../..");
const RECORD = join(ROOT, "scripts/python/record.py");
const PYTHON = process.env["PYTHON"] ?? "python3";

/** Records `source` as main.py in a fresh temp folder; returns stdout (the transcript). */
function record(source: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = mkdtempSync(join(tmpdir(), "record-python-"));
  writeFileSync(join(dir, "main.py"), source);
  const run = spawnSync(PYTHON, [RECORD, join(dir, "main.py")], {
    encoding: "utf8",
    env,
    timeout: 30_000,
  });
  assert.equal(run.status, 0, `record.py failed:\n${run.stderr}`);
  return run.stdout;
}

const py = (lines: string[]) => `${lines.join("\n")}\n`;
const out = (lines: string[]) => `${lines.join("\n")}\n`;

test("sleeps in gather land at exact times; tasks are numbered Task-1.. in creation order", () => {
  const src = py([
    "import asyncio",
    "async def worker(n):",
    "    await asyncio.sleep(n)",
    '    print(f"worker {n} done")',
    "    return n",
    "async def main():",
    '    print("main starts")',
    "    print(await asyncio.gather(worker(2), worker(1), worker(3)))",
    "asyncio.run(main())",
  ]);
  assert.equal(
    record(src),
    out([
      "[t=0.000 Task-1] main starts",
      "[t=1.000 Task-3] worker 1 done",
      "[t=2.000 Task-2] worker 2 done",
      "[t=3.000 Task-4] worker 3 done",
      "[t=3.000 Task-1] [2, 1, 3]",
    ]),
  );
});

test("lines printed outside any task carry no name; an unfinished line still ends with \\n", () => {
  const src = py([
    "import asyncio",
    'print("before the loop")',
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    '    loop.call_soon(print, "from call_soon")',
    '    loop.call_later(0.25, print, "from call_later")',
    "    await asyncio.sleep(0.5)",
    '    print("main ", end="")',
    "    await asyncio.sleep(1)",
    '    print("done")',
    "asyncio.run(main())",
    'print("after the loop", end="")',
  ]);
  assert.equal(
    record(src),
    out([
      "[t=0.000] before the loop",
      "[t=0.000] from call_soon",
      "[t=0.250] from call_later",
      "[t=0.500 Task-1] main done", // stamped when its first character was written
      "[t=1.500] after the loop",
    ]),
  );
});

test("time.sleep in a task advances virtual time and holds the loop; clocks read virtual time", () => {
  const src = py([
    "import asyncio, datetime, time",
    "async def blocker():",
    '    print("blocking for 1s")',
    "    time.sleep(1)",
    '    print("unblocked")',
    "async def ticker():",
    '    print("tick")',
    "    await asyncio.sleep(0.5)",
    '    print("tock")',
    "async def main():",
    "    await asyncio.gather(blocker(), ticker())",
    '    print(f"{time.perf_counter():.3f} {time.monotonic():.3f} {time.time():.3f}")',
    "    print(datetime.datetime.now(datetime.timezone.utc))",
    "asyncio.run(main())",
  ]);
  assert.equal(
    record(src),
    out([
      "[t=0.000 Task-2] blocking for 1s",
      "[t=1.000 Task-2] unblocked",
      "[t=1.000 Task-3] tick", // could not run while the loop was held
      "[t=1.500 Task-3] tock",
      "[t=1.500 Task-1] 1.500 1.500 1700000001.500",
      "[t=1.500 Task-1] 2023-11-14 22:13:21.500000+00:00",
    ]),
  );
});

test("an exception escaping asyncio.run is an EXC line at the time it escaped (exit code 0)", () => {
  const src = py([
    "import asyncio",
    "async def main():",
    "    await asyncio.sleep(1.5)",
    '    raise ValueError("bad value")',
    "asyncio.run(main())",
  ]);
  assert.equal(record(src), out(["[t=1.500] EXC ValueError: bad value"]));
  const timeout = py(["import asyncio", "asyncio.run(asyncio.wait_for(asyncio.sleep(10), 2))"]);
  assert.equal(record(timeout), out(["[t=2.000] EXC TimeoutError"]), "empty message: no colon");
});

test("a TaskGroup failure lists each sub-exception, two spaces deeper per level", () => {
  const flat = py([
    "import asyncio",
    "async def fails():",
    "    await asyncio.sleep(1)",
    '    raise RuntimeError("child error")',
    "async def stubborn():",
    "    try:",
    "        await asyncio.sleep(10)",
    "    except asyncio.CancelledError:",
    '        raise ValueError("cleanup failed")',
    "async def main():",
    "    async with asyncio.TaskGroup() as tg:",
    "        tg.create_task(fails())",
    "        tg.create_task(stubborn())",
    "asyncio.run(main())",
  ]);
  assert.equal(
    record(flat),
    out([
      "[t=1.000] EXC ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
      "[t=1.000] EXC   RuntimeError: child error",
      "[t=1.000] EXC   ValueError: cleanup failed",
    ]),
  );
  const nested = py([
    "import asyncio",
    "async def fails(delay, message):",
    "    await asyncio.sleep(delay)",
    "    raise RuntimeError(message)",
    "async def inner_group():",
    "    async with asyncio.TaskGroup() as tg:",
    '        tg.create_task(fails(0.5, "deep"))',
    "async def main():",
    "    async with asyncio.TaskGroup() as tg:",
    "        tg.create_task(inner_group())",
    '        tg.create_task(fails(1, "never raised: cancelled first"))',
    "asyncio.run(main())",
  ]);
  assert.equal(
    record(nested),
    out([
      "[t=0.500] EXC ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      "[t=0.500] EXC   ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)",
      "[t=0.500] EXC     RuntimeError: deep",
    ]),
  );
});

test("errors reaching the loop's exception handler are LOOP-ERROR lines", () => {
  const src = py([
    "import asyncio",
    "async def doomed():",
    "    await asyncio.sleep(1)",
    '    raise ValueError("nobody awaited me")',
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    "    asyncio.create_task(doomed())  # no reference kept: collected once it fails",
    "    await asyncio.sleep(2)",
    "    loop.call_soon(lambda: 1 / 0)",
    "    await asyncio.sleep(0.5)",
    '    loop.call_exception_handler({"message": "just a message"})',
    '    print("main done")',
    "asyncio.run(main())",
  ]);
  assert.equal(
    record(src),
    out([
      "[t=1.000] LOOP-ERROR ValueError: nobody awaited me",
      "[t=2.000] LOOP-ERROR ZeroDivisionError: division by zero",
      "[t=2.500] LOOP-ERROR just a message",
      "[t=2.500 Task-1] main done",
    ]),
  );
});

test("asyncio.to_thread: a thread's time.sleep is virtual, and its result arrives at start + duration", () => {
  const src = py([
    "import asyncio, time",
    "def blocking(name, seconds):",
    '    print(f"{name} starts")',
    "    time.sleep(seconds)",
    '    print(f"{name} ends")',
    '    return f"{name} slept {seconds}"',
    "async def ticker():",
    "    for _ in range(2):",
    '        print("tick")',
    "        await asyncio.sleep(0.75)",
    "async def main():",
    "    start = time.perf_counter()",
    "    results = await asyncio.gather(",
    '        asyncio.to_thread(blocking, "A", 1),',
    '        asyncio.to_thread(blocking, "B", 2),',
    "        ticker(),",
    "    )",
    '    print(results, f"{time.perf_counter() - start:.3f}")',
    "asyncio.run(main())",
  ]);
  const expected = out([
    "[t=0.000 Task-4] tick",
    "[t=0.000] A starts", // threads print without a task name
    "[t=0.000] B starts",
    "[t=0.750 Task-4] tick",
    "[t=1.000] A ends",
    "[t=2.000] B ends",
    "[t=2.000 Task-1] ['A slept 1', 'B slept 2', None] 2.000",
  ]);
  assert.equal(record(src), expected);
});

test("an executor's max_workers limits how many jobs run at once", () => {
  const src = py([
    "import asyncio, time",
    "from concurrent.futures import ThreadPoolExecutor",
    "def job(n):",
    "    time.sleep(1)",
    "    return n",
    "async def timed(fut):",
    '    print(f"job {await fut} finished")',
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    "    with ThreadPoolExecutor(max_workers=2) as pool:",
    "        await asyncio.gather(*(timed(loop.run_in_executor(pool, job, n)) for n in range(3)))",
    "asyncio.run(main())",
  ]);
  assert.equal(
    record(src),
    out([
      "[t=1.000 Task-2] job 0 finished",
      "[t=1.000 Task-3] job 1 finished",
      "[t=2.000 Task-4] job 2 finished",
    ]),
  );
});

test("a thread waiting on run_coroutine_threadsafe lets the loop run meanwhile", () => {
  const src = py([
    "import asyncio, time",
    "async def compute(x):",
    "    await asyncio.sleep(1)",
    "    return x * 2",
    "def in_thread(loop):",
    "    result = asyncio.run_coroutine_threadsafe(compute(21), loop).result()",
    "    time.sleep(0.5)",
    "    return result",
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    "    print(await loop.run_in_executor(None, in_thread, loop))",
    "asyncio.run(main())",
  ]);
  assert.equal(record(src), out(["[t=1.500 Task-1] 42"]));
});

test("recordings are deterministic: random is seeded with 0, hashing is fixed", () => {
  const src = py([
    "import asyncio, random, time",
    "def work(n):",
    "    time.sleep(random.random())",
    '    print("work", n)',
    "async def main():",
    "    print(random.random())",
    '    print({"alpha", "beta", "gamma", "delta", "epsilon"})',
    "    await asyncio.gather(*(asyncio.to_thread(work, n) for n in range(5)))",
    "asyncio.run(main())",
  ]);
  const first = record(src);
  assert.equal(record(src), first, "two recordings differ");
  const seeded = spawnSync(
    PYTHON,
    ["-c", "import random; random.seed(0); print(random.random())"],
    {
      encoding: "utf8",
    },
  );
  assert.equal(first.split("\n")[0], `[t=0.000 Task-1] ${seeded.stdout.trim()}`);
});

test("stand-in names never resolve to a real package", () => {
  const site = mkdtempSync(join(tmpdir(), "record-python-site-"));
  // uvloop has no stand-in: not found; aiohttp has one: the stand-in, never the site's.
  for (const name of ["uvloop", "aiohttp"]) {
    mkdirSync(join(site, name));
    writeFileSync(join(site, name, "__init__.py"), `print('the real ${name}')\n`);
  }
  const src = py(["import aiohttp", "print(aiohttp.__version__)", "import uvloop"]);
  assert.equal(
    record(src, { ...process.env, PYTHONPATH: site }),
    out([
      "[t=0.000] 3.10.0+simulated",
      "[t=0.000] EXC ModuleNotFoundError: No module named 'uvloop'",
    ]),
  );
});

test("record-python refuses a Python older than 3.11 in one line", () => {
  const dir = mkdtempSync(join(tmpdir(), "record-python-old-"));
  const fake = join(dir, "python3.10");
  // Answers the version probes the way Python 3.10 would.
  writeFileSync(fake, '#!/bin/sh\ncase "$2" in *platform*) echo 3.10.12 ;; *) exit 1 ;; esac\n');
  chmodSync(fake, 0o755);
  const run = spawnSync(join(ROOT, "scripts/record-python"), ["--check"], {
    encoding: "utf8",
    env: { ...process.env, PYTHON: fake },
  });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, "");
  assert.match(run.stderr, /^record-python: needs Python >= 3\.11, but .* is 3\.10\.12.*\n$/);
});

test("orders CPython leaves to set iteration follow creation order, as the runtime's do", () => {
  // Twenty tasks: an address order that happens to equal creation order is all but impossible.
  const src = py([
    "import asyncio",
    "async def bg(n):",
    "    try:",
    "        await asyncio.sleep(10)",
    "    finally:",
    '        print("cleanup", n)',
    "async def child(n):",
    "    try:",
    "        await asyncio.sleep(10)",
    "    except asyncio.CancelledError:",
    '        print("cancelled", n)',
    "        raise",
    "async def fails():",
    "    await asyncio.sleep(1)",
    '    raise RuntimeError("boom")',
    "async def main():",
    "    for n in range(20):",
    "        asyncio.create_task(bg(n), name=f'bg-{n}')",
    "    print(' '.join(t.get_name() for t in asyncio.all_tasks() if t.get_name().startswith('bg-')))",
    "    try:",
    "        async with asyncio.TaskGroup() as tg:",
    "            for n in range(20):",
    "                tg.create_task(child(n))",
    "            tg.create_task(fails())",
    "    except* RuntimeError:",
    '        print("group failed")',
    "    tasks = [asyncio.create_task(asyncio.sleep(n / 10, n)) for n in range(20)]",
    "    done, pending = await asyncio.wait(tasks[::-1])",
    "    print([t.result() for t in done], done.pop().result())",
    "asyncio.run(main())",
  ]);
  const range = (n: number) => [...Array(n).keys()];
  assert.equal(
    record(src),
    out([
      `[t=0.000 Task-1] ${range(20)
        .map((n) => `bg-${n}`)
        .join(" ")}`,
      ...range(20).map((n) => `[t=1.000 Task-${n + 22}] cancelled ${n}`),
      "[t=1.000 Task-1] group failed",
      `[t=2.900 Task-1] [${range(20).reverse().join(", ")}] 19`,
      ...range(20).map((n) => `[t=2.900 bg-${n}] cleanup ${n}`),
    ]),
  );
});
