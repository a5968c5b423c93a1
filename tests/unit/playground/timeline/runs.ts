/**
 * The model tests' scenarios as real runs of the runtime on its virtual clock: each returns
 * the trace the program emitted, exactly as the page's timeline would receive it.
 */
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";

const { print } = asyncio;

export interface Run {
  events: asyncio.TraceEvent[];
  /** Loop time when the run ended (what the sandbox's `end` message carries). */
  tEnd: number;
}

/** Runs `main` with a fresh runtime (virtual clock, task names from Task-1), recording the trace. */
export async function traceOf(main: asyncio.Coro<unknown>): Promise<Run> {
  asyncio.resetRuntime();
  const events: asyncio.TraceEvent[] = [];
  let tEnd = Number.NaN;
  asyncio.configure({ trace: (e) => events.push(e), onRunEnd: (end) => (tEnd = end.t) });
  try {
    await asyncio.run(main);
  } catch {
    // An escaping error is in the trace as an `exception` event.
  } finally {
    asyncio.resetRuntime();
  }
  return { events, tEnd };
}

const worker = async (name: string, seconds: number) => {
  print(`${name} start`);
  await asyncio.sleep(seconds);
  print(`${name} end`);
  return name;
};

/** gather(worker("A", 2), worker("B", 1), worker("C", 3)). */
export const gatherRun = () =>
  traceOf(async () => {
    const names = await asyncio.gather(
      () => worker("A", 2),
      () => worker("B", 1),
      () => worker("C", 3),
    );
    print(names.join(" "));
  });

/** wait({fast (1 s), slow (3 s)}, FIRST_COMPLETED), then slow.cancel(). */
export const waitFirstCompletedRun = () =>
  traceOf(async () => {
    const fast = asyncio.createTask(() => asyncio.sleep(1, "fast"), { name: "fast" });
    const slow = asyncio.createTask(() => asyncio.sleep(3, "slow"), { name: "slow" });
    const { done, pending } = await asyncio.wait([fast, slow], {
      returnWhen: asyncio.FIRST_COMPLETED,
    });
    print(`done: ${done.size}, pending: ${pending.size}`);
    slow.cancel();
    try {
      await slow;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
    }
  });

/** A task sleeping 10 s, cancelled by main after 1 s with a message. */
export const cancellationRun = () =>
  traceOf(async () => {
    const t = asyncio.createTask(async () => {
      print("sleeping");
      try {
        await asyncio.sleep(10);
      } catch (e) {
        print("cancelled, cleaning up");
        throw e;
      }
    });
    await asyncio.sleep(1);
    t.cancel("stop");
    try {
      await t;
    } catch {
      print("task cancelled");
    }
  });

/** A TaskGroup: one child raises after 1 s, the other (5 s) is cancelled, the group raises. */
export const taskGroupFailureRun = () =>
  traceOf(async () => {
    await asyncio.TaskGroup.run(async (tg) => {
      tg.createTask(async () => {
        await asyncio.sleep(1);
        throw new asyncio.ValueError("boom");
      });
      tg.createTask(() => asyncio.sleep(5));
    });
  });

/** A ticker asks for 0.1 s while another task blocks the loop for 0.5 s in one step. */
export const blockingRun = () =>
  traceOf(async () => {
    await asyncio.gather(
      async () => {
        await asyncio.sleep(0.1);
        print("tick, late");
      },
      async () => {
        print("blocking");
        asyncio.blockingSleep(0.5);
        print("unblocked");
      },
    );
  });

/** Ten workers share Semaphore(3); each holds it across sleep(1). */
export const semaphoreRun = () =>
  traceOf(async () => {
    const sem = new asyncio.Semaphore(3);
    const job = async (i: number) => {
      await using _ = await sem.hold();
      await asyncio.sleep(1);
      return i;
    };
    await asyncio.gather(...Array.from({ length: 10 }, (_, i) => () => job(i)));
  });

/** main renames itself; a callSoon callback prints outside any task. */
export const renameAndCallbackRun = () =>
  traceOf(async () => {
    asyncio.currentTask()!.setName("main");
    asyncio.getRunningLoop().callSoon(() => print("from a callback"));
    await asyncio.sleep(0.5);
    print("from main");
  });
