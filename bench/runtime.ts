/**
 * Runtime benchmark (prints figures; not a test): `node bench/runtime.ts`
 *
 * Three programs, each run on the asyncio runtime (virtual clock, no trace), in native JS
 * (Promises + microtasks/setTimeout), and in CPython (bench/python/runtime_bench.py, same
 * machine, same run). Each program runs once cold (the first run in the process: what a reader's
 * fresh worker sees, JIT warm-up and heap growth included), then 3 more times; the figure is the
 * best of those 3, on both sides. Times are CPU seconds of the process (user + system, so the
 * JS garbage collector's helper threads count), not wall time: the machines this runs on are
 * shared, and a busy neighbour stretches wall time unevenly between the two sides. Prints
 * seconds and the ratios; the goal is runtime ≥ 2× faster than CPython and within 3× of native
 * Promises (the native gather program mostly waits on real timers, which cost no CPU).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as asyncio from "../src/runtime/asyncio/index.ts";

const TASKS = 10_000;
const ITEMS = 100_000;

interface Timing {
  /** The first run, seconds. */
  cold: number;
  /** The best of the 3 runs after it, seconds. */
  best: number;
}

async function timed(f: () => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < 4; i++) {
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    times.push((c.user + c.system) / 1e6);
  }
  return { cold: times[0]!, best: Math.min(...times.slice(1)) };
}

const runtime = {
  switches: () =>
    asyncio.run(async () => {
      const worker = async () => {
        for (let i = 0; i < 10; i++) await asyncio.sleep(0);
      };
      await asyncio.gather(...Array.from({ length: TASKS }, () => worker));
    }),
  gather: () =>
    asyncio.run(async () => {
      await asyncio.gather(...Array.from({ length: TASKS }, () => () => asyncio.sleep(0.1)));
    }),
  queue: () =>
    asyncio.run(async () => {
      const q = new asyncio.Queue<number>(100);
      const producer = async () => {
        for (let i = 0; i < ITEMS / 10; i++) await q.put(i);
      };
      const consumer = async () => {
        for (let i = 0; i < ITEMS / 10; i++) {
          await q.get();
          q.taskDone();
        }
      };
      const ps = Array.from({ length: 10 }, () => producer);
      const cs = Array.from({ length: 10 }, () => consumer);
      await asyncio.gather(...ps, ...cs);
    }),
};

/** A minimal bounded queue on native promises, for the native baseline. */
class NativeQueue<T> {
  items: T[] = [];
  getters: Array<() => void> = [];
  putters: Array<() => void> = [];
  readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  async put(x: T): Promise<void> {
    while (this.items.length >= this.max) await new Promise<void>((r) => this.putters.push(r));
    this.items.push(x);
    this.getters.shift()?.();
  }
  async get(): Promise<T> {
    while (this.items.length === 0) await new Promise<void>((r) => this.getters.push(r));
    const x = this.items.shift()!;
    this.putters.shift()?.();
    return x;
  }
}

const native = {
  switches: async () => {
    const worker = async () => {
      for (let i = 0; i < 10; i++) await null;
    };
    await Promise.all(Array.from({ length: TASKS }, worker));
  },
  gather: async () => {
    await Promise.all(Array.from({ length: TASKS }, () => new Promise((r) => setTimeout(r, 100))));
  },
  queue: async () => {
    const q = new NativeQueue<number>(100);
    const producer = async () => {
      for (let i = 0; i < ITEMS / 10; i++) await q.put(i);
    };
    const consumer = async () => {
      for (let i = 0; i < ITEMS / 10; i++) await q.get();
    };
    await Promise.all([
      ...Array.from({ length: 10 }, producer),
      ...Array.from({ length: 10 }, consumer),
    ]);
  },
};

asyncio.configure({ clock: "virtual", trace: null });
const names = ["switches", "gather", "queue"] as const;
const labels = {
  switches: "10,000 tasks × 10 sleep(0)",
  gather: "10,000 tasks gathered over sleep(0.1) (virtual clock; native waits 100 ms real)",
  queue: "100,000 items through Queue(100), 10 producers / 10 consumers",
};
const py = spawnSync(
  "python3",
  [fileURLToPath(new URL("./python/runtime_bench.py", import.meta.url))],
  { encoding: "utf8" },
);
const pyTimes: Record<string, Timing> | null = py.status === 0 ? JSON.parse(py.stdout) : null;
if (!pyTimes) console.log(`(python3 failed: ${py.stderr.trim()})`);
const s = (x: number) => `${x.toFixed(4)} s`;
for (const name of names) {
  const rt = await timed(runtime[name]);
  const nat = await timed(native[name]);
  const cp = pyTimes?.[name];
  console.log(labels[name]);
  console.log(
    `  best of 3: runtime ${s(rt.best)}   native ${s(nat.best)}   cpython ${cp ? s(cp.best) : "n/a"}`,
  );
  console.log(
    `  cold run:  runtime ${s(rt.cold)}   native ${s(nat.cold)}   cpython ${cp ? s(cp.cold) : "n/a"}`,
  );
  const vsPy = (a: number, b: number | undefined) =>
    b === undefined ? "n/a" : `${(b / a).toFixed(2)}×`;
  console.log(
    `  runtime vs CPython: ${vsPy(rt.best, cp?.best)} faster (cold: ${vsPy(rt.cold, cp?.cold)}); ${(rt.best / nat.best).toFixed(2)}× native Promises`,
  );
}
