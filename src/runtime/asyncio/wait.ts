/**
 * `wait` and `asCompleted`: wait on several tasks at once. Ports of CPython 3.11's
 * `asyncio.wait` / `_wait` and `asyncio.as_completed`.
 */
import { TimeoutError } from "./errors.ts";
import { Future, Lazy } from "./future.ts";
import { type Awaitable, ensureFuture, getRunningLoop } from "./tasks.ts";

/** `wait` returns as soon as any awaitable finishes or is cancelled. Python: `asyncio.FIRST_COMPLETED`. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** `wait` returns when any awaitable raises (or all finish). Python: `asyncio.FIRST_EXCEPTION`. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** `wait` returns when all awaitables are done (the default). Python: `asyncio.ALL_COMPLETED`. */
export const ALL_COMPLETED = "ALL_COMPLETED";

export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

export interface WaitOptions {
  /** Seconds; on timeout `wait` returns (it never raises) and the pending ones keep running. */
  timeout?: number | null;
  returnWhen?: ReturnWhen;
}

/**
 * Wait for tasks/futures; resolve to `{ done, pending }` sets. Never raises; on timeout the
 * pending ones are left running. Python: `done, pending = await asyncio.wait(aws, timeout=None,
 * return_when=ALL_COMPLETED)`. As in Python 3.11+, passing coroutines (functions, promises) is a
 * `TypeError`: wrap them with `createTask` first.
 * @example
 * const tasks = [asyncio.createTask(() => job(1)), asyncio.createTask(() => job(2))];
 * const { done, pending } = await asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
 */
export function wait<T>(
  aws: Iterable<Future<T>>,
  options: WaitOptions = {},
): Lazy<{ done: Set<Future<T>>; pending: Set<Future<T>> }> {
  const { timeout = null, returnWhen = ALL_COMPLETED } = options;
  if (aws instanceof Future) throw new TypeError("expect a list of futures, not Future");
  const fs = new Set(aws);
  if (fs.size === 0) throw new Error("ValueError: Set of Tasks/Futures is empty.");
  if (
    returnWhen !== FIRST_COMPLETED &&
    returnWhen !== FIRST_EXCEPTION &&
    returnWhen !== ALL_COMPLETED
  ) {
    throw new Error(`ValueError: Invalid return_when value: ${String(returnWhen)}`);
  }
  for (const f of fs)
    if (!(f instanceof Future))
      throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  return new Lazy(async () => {
    const loop = getRunningLoop();
    const waiter = new Future<null>({ loop, label: "wait" });
    const timeoutHandle = timeout === null ? null : loop.callLater(timeout, releaseWaiter, waiter);
    let counter = fs.size;
    const onCompletion = (f: Future<T>): void => {
      counter -= 1;
      if (
        counter <= 0 ||
        returnWhen === FIRST_COMPLETED ||
        (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
      ) {
        timeoutHandle?.cancel();
        if (!waiter.done()) waiter.setResult(null);
      }
    };
    for (const f of fs) f.addDoneCallback(onCompletion);
    try {
      await waiter;
    } finally {
      timeoutHandle?.cancel();
      for (const f of fs) f.removeDoneCallback(onCompletion);
    }
    const done = new Set<Future<T>>();
    const pending = new Set<Future<T>>();
    for (const f of fs) (f.done() ? done : pending).add(f);
    return { done, pending };
  });
}

function releaseWaiter(waiter: Future<null>): void {
  if (!waiter.done()) waiter.setResult(null);
}

/**
 * Iterate over awaitables that resolve in completion order (each `await` gives the next result
 * to finish, or throws its exception; `TimeoutError` once `timeout` passes).
 * Python: `for f in asyncio.as_completed(aws, timeout=None): r = await f`.
 * Functions and promises are wrapped in tasks at once, in argument order. Also usable with
 * `for await`, which yields the results themselves.
 * @example
 * for (const next of asyncio.asCompleted([() => job(3), () => job(1)])) {
 *   print(await next); // job 1 first
 * }
 */
export function asCompleted<T>(
  aws: Iterable<Awaitable<T>>,
  options: { timeout?: number | null } = {},
): AsCompleted<T> {
  if (aws instanceof Future) throw new TypeError("expect an iterable of futures, not Future");
  const loop = getRunningLoop();
  // Completed futures travel boxed: a future resolved with a thenable would be unwrapped by `await`.
  type Box = { f: Future<T> | null };
  const done: Box[] = [];
  const getters: Array<Future<Box>> = [];
  const todo = new Set<Future<T>>();
  for (const a of new Set(aws)) todo.add(ensureFuture(a));
  let timeoutHandle: { cancel(): void } | null = null;
  const put = (f: Future<T> | null): void => {
    const g = getters.shift();
    if (g) g.setResult({ f });
    else done.push({ f });
  };
  const onTimeout = (): void => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      put(null);
    }
    todo.clear();
  };
  const onCompletion = (f: Future<T>): void => {
    if (todo.size === 0) return;
    todo.delete(f);
    put(f);
    if (todo.size === 0) timeoutHandle?.cancel();
  };
  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && options.timeout !== undefined && options.timeout !== null) {
    timeoutHandle = loop.callLater(options.timeout, onTimeout);
  }
  const waitForOne = (): Lazy<T> =>
    new Lazy(async () => {
      let f: Future<T> | null;
      if (done.length > 0) f = done.shift()!.f;
      else {
        const g = new Future<Box>({ loop, label: "as_completed" });
        getters.push(g);
        f = (await g).f;
      }
      if (f === null) throw new TimeoutError();
      return f.result();
    });
  return new AsCompleted(todo.size, waitForOne);
}

/** What `asCompleted` returns: an iterable of awaitables, and an async iterable of results. */
export class AsCompleted<T> implements Iterable<Lazy<T>>, AsyncIterable<T> {
  readonly #n: number;
  readonly #next: () => Lazy<T>;
  constructor(n: number, next: () => Lazy<T>) {
    this.#n = n;
    this.#next = next;
  }
  *[Symbol.iterator](): Iterator<Lazy<T>> {
    for (let i = 0; i < this.#n; i++) yield this.#next();
  }
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (let i = 0; i < this.#n; i++) yield await this.#next();
  }
}
