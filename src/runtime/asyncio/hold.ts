/** The `await using` form shared by Lock, Semaphore and Condition (Python's `async with lock:`). */
import { Lazy } from "./future.ts";

/** Released when disposed: what `hold()` resolves to. */
export interface Held extends Disposable, AsyncDisposable {}

interface Acquirable {
  acquire(): PromiseLike<boolean>;
  release(): void;
}

/** Acquire `lock`, then resolve to a handle whose disposal releases it. */
export function hold(lock: Acquirable): Lazy<Held> {
  return new Lazy(async () => {
    await lock.acquire();
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      lock.release();
    };
    return {
      [Symbol.dispose]: release,
      [Symbol.asyncDispose]: async () => release(),
    };
  });
}
