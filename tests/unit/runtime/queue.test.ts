import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { record } from "./helpers.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;

test("Queue: producer/consumer with maxsize backpressure, join/taskDone, cancel while getting", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def producer(q):
        for i in range(5):
            await q.put(i)
            print("put", i, q.qsize(), q.full())
    async def consumer(q):
        while True:
            x = await q.get()
            await asyncio.sleep(0.5)
            print("got", x)
            q.task_done()
    async def main():
        q = asyncio.Queue(maxsize=2)
        c = asyncio.create_task(consumer(q))
        await producer(q)
        await q.join()
        print("joined", q.empty())
        c.cancel()
        try:
            await c
        except asyncio.CancelledError:
            print("consumer cancelled")
        try:
            q.get_nowait()
        except asyncio.QueueEmpty:
            print("QueueEmpty")
        q.put_nowait(1)
        q.put_nowait(2)
        try:
            q.put_nowait(3)
        except asyncio.QueueFull:
            print("QueueFull")
    asyncio.run(main())
    `,
    async () => {
      const q = new asyncio.Queue<number>(2);
      const c = asyncio.createTask(async () => {
        for (;;) {
          const x = await q.get();
          await asyncio.sleep(0.5);
          print("got", x);
          q.taskDone();
        }
      });
      for (let i = 0; i < 5; i++) {
        await q.put(i);
        print("put", i, q.qsize(), q.full());
      }
      await q.join();
      print("joined", q.empty());
      c.cancel();
      try {
        await c;
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print("consumer cancelled");
      }
      try {
        q.getNowait();
      } catch (e) {
        if (e instanceof asyncio.QueueEmpty) print("QueueEmpty");
      }
      q.putNowait(1);
      q.putNowait(2);
      try {
        q.putNowait(3);
      } catch (e) {
        if (e instanceof asyncio.QueueFull) print("QueueFull");
      }
    },
  );
});

test("PriorityQueue orders like Python tuples; LifoQueue is last-in first-out", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        pq = asyncio.PriorityQueue()
        for item in [(2, "b"), (1, "z"), (1, "a"), (3, "c")]:
            pq.put_nowait(item)
        print([list(pq.get_nowait()) for _ in range(4)])
        lq = asyncio.LifoQueue()
        for i in range(3):
            await lq.put(i)
        print([await lq.get() for _ in range(3)])
    asyncio.run(main())
    `,
    async () => {
      const pq = new asyncio.PriorityQueue<[number, string]>();
      for (const item of [
        [2, "b"],
        [1, "z"],
        [1, "a"],
        [3, "c"],
      ] as [number, string][])
        pq.putNowait(item);
      print([0, 1, 2, 3].map(() => pq.getNowait()));
      const lq = new asyncio.LifoQueue<number>();
      for (let i = 0; i < 3; i++) await lq.put(i);
      const out = [];
      for (let i = 0; i < 3; i++) out.push(await lq.get());
      print(out);
    },
    `
    [t=0.000 Task-1] [[1, 'a'], [1, 'z'], [2, 'b'], [3, 'c']]
    [t=0.000 Task-1] [2, 1, 0]
    `,
  );
});

test("taskDone too many times is a ValueError", async () => {
  const r = await record(async () => {
    new asyncio.Queue().taskDone();
  });
  assert.ok(r.error instanceof asyncio.ValueError);
});

test("put and get are lazy like coroutines: nothing happens until awaited, and only once", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def main():
        q = asyncio.Queue(maxsize=1)
        p = q.put("a")
        print("before await", q.qsize())
        await p
        print("after await", q.qsize())
        try:
            await p
        except RuntimeError as e:
            print("again:", e)
        g = q.get()
        blocked = asyncio.create_task(q.put("b"))
        await asyncio.sleep(0)
        print("put waits while full", blocked.done(), q.qsize())
        t = asyncio.create_task(g)
        print("got", await t)
        await blocked
        print("then", q.qsize(), await q.get())
    asyncio.run(main())
    `,
    async () => {
      const q = new asyncio.Queue<string>(1);
      const p = q.put("a");
      print("before await", q.qsize());
      await p;
      print("after await", q.qsize());
      try {
        await p;
      } catch (e) {
        if (e instanceof asyncio.RuntimeError) print("again:", e);
      }
      const g = q.get();
      const blocked = asyncio.createTask(q.put("b"));
      await asyncio.sleep(0);
      print("put waits while full", blocked.done(), q.qsize());
      const t2 = asyncio.createTask(g);
      print("got", await t2);
      await blocked;
      print("then", q.qsize(), await q.get());
    },
  );
});

test("Queue waits: a woken getter that finds the queue empty again waits again, last; a cancelled waiter passes its wake-up on; waitFor(get) times out", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def getter(q, name):
        try:
            x = await q.get()
            print(name, "got", x)
        except asyncio.CancelledError:
            print(name, "cancelled")
            raise
    async def putter(q, name, x):
        try:
            await q.put(x)
            print(name, "put", x)
        except asyncio.CancelledError:
            print(name, "cancelled")
            raise
    async def main():
        q = asyncio.Queue(maxsize=1)
        gs = [asyncio.create_task(getter(q, f"g{i}")) for i in range(1, 4)]
        await asyncio.sleep(0)
        q.put_nowait("a")
        print("main took", q.get_nowait())
        await asyncio.sleep(0)
        q.put_nowait("b")
        await asyncio.sleep(0)
        q.put_nowait("c")
        gs[2].cancel()
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("left", q.qsize(), [g.done() for g in gs])
        q.put_nowait("d")
        ps = [asyncio.create_task(putter(q, f"p{i}", i)) for i in range(1, 4)]
        await asyncio.sleep(0)
        ps[0].cancel()
        print("main got", await q.get())
        await asyncio.sleep(0)
        print("main got", await q.get())
        await asyncio.sleep(0)
        print("left", q.qsize(), [p.done() for p in ps])
        try:
            print("main got", await asyncio.wait_for(q.get(), 0.5))
            print("main got", await asyncio.wait_for(q.get(), 0.5))
        except asyncio.TimeoutError:
            print("timed out", q.qsize())
        await q.put("e")
        print("main put e", q.full())
    asyncio.run(main())
    `,
    async () => {
      const getter = async (q: asyncio.Queue<string>, name: string) => {
        try {
          const x = await q.get();
          print(name, "got", x);
        } catch (e) {
          if (e instanceof asyncio.CancelledError) print(name, "cancelled");
          throw e;
        }
      };
      const putter = async (q: asyncio.Queue<string | number>, name: string, x: number) => {
        try {
          await q.put(x);
          print(name, "put", x);
        } catch (e) {
          if (e instanceof asyncio.CancelledError) print(name, "cancelled");
          throw e;
        }
      };
      const q = new asyncio.Queue<string>(1);
      const gs = [1, 2, 3].map((i) => asyncio.createTask(() => getter(q, `g${i}`)));
      await asyncio.sleep(0);
      q.putNowait("a");
      print("main took", q.getNowait());
      await asyncio.sleep(0);
      q.putNowait("b");
      await asyncio.sleep(0);
      q.putNowait("c");
      gs[2]!.cancel();
      await asyncio.sleep(0);
      await asyncio.sleep(0);
      print(
        "left",
        q.qsize(),
        gs.map((g) => g.done()),
      );
      const pq = q as asyncio.Queue<string | number>;
      pq.putNowait("d");
      const ps = [1, 2, 3].map((i) => asyncio.createTask(() => putter(pq, `p${i}`, i)));
      await asyncio.sleep(0);
      ps[0]!.cancel();
      print("main got", await pq.get());
      await asyncio.sleep(0);
      print("main got", await pq.get());
      await asyncio.sleep(0);
      print(
        "left",
        pq.qsize(),
        ps.map((p) => p.done()),
      );
      try {
        print("main got", await asyncio.waitFor(pq.get(), 0.5));
        print("main got", await asyncio.waitFor(pq.get(), 0.5));
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print("timed out", pq.qsize());
      }
      await pq.put("e");
      print("main put e", pq.full());
    },
  );
});
