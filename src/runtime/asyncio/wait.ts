/**
 * `wait` and `asCompleted`: wait on several tasks at once. Ports of CPython 3.11's
 * `asyncio.wait` / `_wait`, and of `asyncio.as_completed` as 3.11 (a generator) and 3.13 (an
 * iterator object, also asynchronous) have it.
 */
import { TimeoutError, ValueError } from "./errors.ts";
import { Future, Lazy } from "./future.ts";
import { since } from "./python-version.ts";
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
  // Python's `wait` is a coroutine: a bad argument raises when it is awaited, not when called.
  return new Lazy(async () => {
    if (aws instanceof Future) throw new TypeError("expect a list of futures, not Future");
    const fs = new Set(aws);
    if (fs.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
    if (
      returnWhen !== FIRST_COMPLETED &&
      returnWhen !== FIRST_EXCEPTION &&
      returnWhen !== ALL_COMPLETED
    ) {
      throw new ValueError(`Invalid return_when value: ${String(returnWhen)}`);
    }
    for (const f of fs)
      if (!(f instanceof Future))
        throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
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
 * Up to Python 3.12, where `as_completed` is a generator, nothing happens until the iteration
 * starts: then functions and promises are wrapped in tasks, in argument order, and the timeout's
 * clock starts. Since 3.13 that happens when `asCompleted` is called, and `for await` over it
 * yields each task or future as it finishes (before 3.13 `async for` over it is a TypeError).
 * @example
 * for (const next of asyncio.asCompleted([() => job(3), () => job(1)])) {
 *   print(await next); // job 1 first
 * }
 * // 3.13; TypeScript types the loop variable as the awaited result: the value is the task.
 * for await (const done of asyncio.asCompleted(tasks)) print((done as unknown as asyncio.Task).result());
 */
export function asCompleted<T>(
  aws: Iterable<Awaitable<T>>,
  options: { timeout?: number | null } = {},
): AsCompleted<T> {
  return new AsCompleted(aws, options.timeout ?? null);
}

interface Started<T> {
  n: number;
  /** What `pick` makes of the next future to finish, as an awaitable. */
  next: <R>(pick: (f: Future<T>) => R) => Lazy<R>;
}

/** The body of CPython 3.11's `as_completed` up to its first `yield` (3.13's `__init__`). */
function start<T>(aws: Iterable<Awaitable<T>>, timeout: number | null): Started<T> {
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
  if (todo.size > 0 && timeout !== null) timeoutHandle = loop.callLater(timeout, onTimeout);
  const next = <R>(pick: (f: Future<T>) => R): Lazy<R> =>
    new Lazy(async () => {
      let f: Future<T> | null;
      if (done.length > 0) f = done.shift()!.f;
      else {
        const g = new Future<Box>({ loop, label: "as_completed" });
        getters.push(g);
        f = (await g).f;
      }
      if (f === null) throw new TimeoutError();
      return pick(f);
    });
  return { n: todo.size, next };
}

/**
 * What `asCompleted` returns: an iterable of awaitables, and (since 3.13) an async iterable of
 * the futures as they finish. It can be iterated once. Before 3.13, like the Python generator it
 * stands for, it starts on the first step of an iteration; since 3.13, when it is made.
 */
export class AsCompleted<T> implements Iterable<Lazy<T>>, AsyncIterable<Future<T>> {
  readonly #aws: Iterable<Awaitable<T>>;
  readonly #timeout: number | null;
  #started: Started<T> | null = null;
  #given = 0;
  constructor(aws: Iterable<Awaitable<T>>, timeout: number | null) {
    this.#aws = aws;
    this.#timeout = timeout;
    if (since("asCompletedIterator")) this.#start();
  }
  #start(): Started<T> {
    this.#started ??= start(this.#aws, this.#timeout);
    return this.#started;
  }
  *[Symbol.iterator](): Iterator<Lazy<T>> {
    const s = this.#start();
    while (this.#given < s.n) {
      this.#given += 1;
      yield s.next((f) => f.result());
    }
  }
  [Symbol.asyncIterator](): AsyncIterator<Future<T>> {
    // JavaScript's `for await` would fall back on the plain iterator; Python's `async for` does not.
    if (!since("asCompletedIterator"))
      throw new TypeError("'async for' requires an object with __aiter__ method, got generator");
    const s = this.#start();
    // Not an async generator: its `yield` would await the future and yield its result.
    return {
      next: async (): Promise<IteratorResult<Future<T>>> => {
        if (this.#given >= s.n) return { done: true, value: undefined };
        this.#given += 1;
        // Boxed: an `await` would unwrap the future itself.
        return { done: false, value: (await s.next((f) => ({ f }))).f };
      },
    };
  }
}
