/**
 * `gather`: run awaitables concurrently and collect their results in argument order.
 * A port of CPython 3.11's `asyncio.gather` and its `_GatheringFuture`.
 */
import { CancelledError } from "./errors.ts";
import { Future } from "./future.ts";
import { type Awaitable, ensureFuture, getRunningLoop } from "./tasks.ts";

type Results<A extends readonly unknown[]> = {
  -readonly [K in keyof A]: A[K] extends Awaitable<infer R> ? R : unknown;
};

/** The future `gather` returns: cancelling it cancels the children. */
export class GatheringFuture<T> extends Future<T> {
  _children: Future<unknown>[];
  _cancelRequested = false;
  constructor(children: Future<unknown>[]) {
    super({ label: "gather" });
    this._children = children;
  }
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) if (child.cancel(msg)) ret = true;
    if (ret) this._cancelRequested = true;
    return ret;
  }
}

export interface GatherOptions {
  /** Python's `return_exceptions=True`: exceptions become results instead of propagating. */
  returnExceptions?: boolean;
}

function isOptions(x: unknown): x is GatherOptions {
  return (
    typeof x === "object" &&
    x !== null &&
    !(x instanceof Future) &&
    typeof (x as { then?: unknown }).then !== "function" &&
    Object.getPrototypeOf(x) === Object.prototype
  );
}

/**
 * Run the awaitables concurrently; resolve to their results in argument order.
 * Python: `asyncio.gather(*aws, return_exceptions=False)`.
 *
 * Functions (`() => work(1)`) and promises are wrapped in tasks at once (named `Task-N` in
 * argument order); the first exception propagates to the awaiter while the others keep running,
 * unless `{ returnExceptions: true }` is passed as the last argument. Cancelling the returned
 * future cancels every child.
 * @example
 * const [a, b] = await asyncio.gather(() => fetch("a", 1), () => fetch("b", 2));
 * const results = await asyncio.gather(...jobs, { returnExceptions: true });
 */
export function gather<A extends readonly Awaitable<unknown>[]>(
  ...args: [...A] | [...A, GatherOptions]
): GatheringFuture<Results<A>> {
  let returnExceptions = false;
  let aws = args as unknown[];
  if (aws.length > 0 && isOptions(aws[aws.length - 1])) {
    returnExceptions = !!(aws[aws.length - 1] as GatherOptions).returnExceptions;
    aws = aws.slice(0, -1);
  }
  if (aws.length === 0) {
    getRunningLoop();
    const outer = new GatheringFuture<Results<A>>([]);
    outer.setResult([] as unknown as Results<A>);
    return outer;
  }
  const argToFut = new Map<unknown, Future<unknown>>();
  const children: Future<unknown>[] = [];
  let nfuts = 0;
  let nfinished = 0;
  let outer: GatheringFuture<Results<A>> | null = null;

  const doneCallback = (fut: Future<unknown>): void => {
    nfinished += 1;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results: unknown[] = [];
      for (const f of children) {
        if (f.cancelled()) results.push(new CancelledError(f._cancelMessage ?? ""));
        else {
          const exc = f.exception();
          results.push(exc === null ? f.result() : exc);
        }
      }
      if (outer._cancelRequested) outer.setException(fut._makeCancelledError());
      else outer.setResult(results as Results<A>);
    }
  };

  for (const arg of aws) {
    // CPython keys its children by argument, so a list (the classic `gather(tasks)` slip for
    // `gather(*tasks)`) fails on hashing before anything else.
    if (Array.isArray(arg)) throw new TypeError("unhashable type: 'list'");
    // The same future (or started promise) twice is one child, as in Python; a function is a
    // coroutine *function*, so each occurrence is a call of its own (Python's `f(), f()`).
    let fut = typeof arg === "function" ? undefined : argToFut.get(arg);
    if (!fut) {
      fut = ensureFuture(arg as Awaitable<unknown>);
      nfuts += 1;
      argToFut.set(arg, fut);
      fut.addDoneCallback(doneCallback);
    }
    children.push(fut);
  }
  outer = new GatheringFuture<Results<A>>(children);
  return outer;
}
