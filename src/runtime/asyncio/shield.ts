/** `shield`: protect an awaitable from the awaiter's cancellation. A port of CPython 3.11's. */
import { Future } from "./future.ts";
import { type Awaitable, ensureFuture } from "./tasks.ts";

/**
 * Await `aw` without letting the awaiter's cancellation cancel it: if the awaiting task is
 * cancelled, the `await` throws `CancelledError` but the inner task keeps running.
 * Python: `await asyncio.shield(aw)`. A function or promise is wrapped in a task at once.
 * @example
 * const t = asyncio.createTask(() => save());
 * try { await asyncio.shield(t); } catch (e) { if (e instanceof asyncio.CancelledError) print("save continues"); throw e; }
 */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensureFuture(aw);
  if (inner.done()) return inner;
  const outer = new Future<T>({ label: "shield" });
  const innerDone = (f: Future<T>): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception();
      return;
    }
    if (f.cancelled()) outer.cancel();
    else {
      const exc = f.exception();
      if (exc !== null) outer.setException(exc);
      else outer.setResult(f.result());
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  };
  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}
