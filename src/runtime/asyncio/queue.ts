/**
 * `Queue`, `PriorityQueue`, `LifoQueue`. Ports of CPython 3.11's `asyncio.queues`, with 3.13's
 * `shutdown` where that version is followed.
 */
import { AttributeError, QueueEmpty, QueueFull, QueueShutDown, ValueError } from "./errors.ts";
import { Event } from "./event.ts";
import { Future, LAZY, Lazy, reusedCoroutine } from "./future.ts";
import { heappop, heappush } from "./heap.ts";
import { since } from "./python-version.ts";
import { getRunningLoop } from "./tasks.ts";

/** A FIFO of waiting futures with O(1) shift (Python's deque). */
class Deque<T> {
  items: Array<T | undefined> = [];
  head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(x: T): void {
    this.items.push(x);
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }
  remove(x: T): void {
    const i = this.items.indexOf(x, this.head);
    if (i >= 0) this.items.splice(i, 1);
  }
}

/**
 * What `put` and `get` return: lazy like the coroutine it stands for (nothing happens until it is
 * awaited, and it runs once). When the queue need not wait, which is most of the time, the
 * operation is done and its outcome handed over at once, without yielding, as in CPython: no
 * async function, closure or intermediate awaitable per item.
 */
class QueueCall<R> implements PromiseLike<R> {
  readonly #queue: Queue<unknown>;
  /** `put(item)` (the item), or `get()` (`GET`). */
  readonly #item: unknown;
  #started = false;
  constructor(queue: Queue<unknown>, item: unknown) {
    this.#queue = queue;
    this.#item = item;
  }
  get [LAZY](): true {
    return true;
  }
  // biome-ignore lint/suspicious/noThenProperty: awaitable like a Python coroutine
  then<A = R, B = never>(
    onOk?: ((value: R) => A | PromiseLike<A>) | null,
    onErr?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    if (this.#started) return reusedCoroutine(onOk, onErr);
    this.#started = true;
    const q = this.#queue;
    const item = this.#item;
    let value: unknown;
    if (item === GET) {
      if (q.empty()) return waitThen(q, GET, onOk as Settle<unknown, A>, onErr);
      value = q.getNowait();
    } else {
      if (q.full()) return waitThen(q, item, onOk as Settle<unknown, A>, onErr);
      try {
        q.putNowait(item);
      } catch (e) {
        return Promise.reject(e).then(onOk as Settle<unknown, A>, onErr);
      }
    }
    const next = onOk ? onOk(value as R) : (value as A);
    // What a chained `.then` continues with. `await` ignores it, and its callback returns
    // undefined: one shared settled promise then serves every item.
    return next === undefined ? SETTLED_UNDEFINED : Promise.resolve(next);
  }
}

const SETTLED_UNDEFINED: Promise<never> = Promise.resolve(undefined as never);

type Settle<V, R> = ((value: V) => R | PromiseLike<R>) | null | undefined;

/**
 * A `get()` that finds the queue empty, or a `put(item)` that finds it full: CPython's
 *
 *     while self.empty():                      # or self.full()
 *         if self._is_shutdown: raise QueueShutDown   # 3.13
 *         getter = self._get_loop().create_future()
 *         self._getters.append(getter)
 *         try:
 *             await getter
 *         except:
 *             getter.cancel(); self._getters.remove(getter)
 *             if not self.empty() and not getter.cancelled(): self._wakeup_next(self._getters)
 *             raise
 *     return self.get_nowait()                 # or self.put_nowait(item)
 *
 * as callbacks on the waiting future rather than an async function: woken, the task retries at
 * once, in the step that resumes it, instead of three microtasks later through the function's
 * promise and a `then` on it (one promise, a generator and three microtasks fewer per wake-up;
 * what the task does, and when, is the same). Returns the chain `then` must return.
 */
function waitThen<A, B>(
  q: Queue<unknown>,
  item: unknown,
  onOk: Settle<unknown, A>,
  onErr: Settle<unknown, B>,
): PromiseLike<A | B> {
  const get = item === GET;
  if (q._isShutdown) return Promise.reject(new QueueShutDown()).then(onOk, onErr);
  let waiter: Future<null>;
  try {
    waiter = new Future<null>({ loop: getRunningLoop(), label: get ? "Queue.get" : "Queue.put" });
  } catch (e) {
    return Promise.reject(e).then(onOk, onErr);
  }
  const waiters = get ? q._getters : q._putters;
  waiters.push(waiter);
  return waiter.then(
    (): A | B | PromiseLike<A | B> => {
      // Woken: the item (or the room) may be gone again, to a task that ran first.
      if (get ? q.empty() : q.full()) return waitThen(q, item, onOk, onErr);
      let value: unknown;
      try {
        if (get) value = q.getNowait();
        else q.putNowait(item);
      } catch (e) {
        return fail(onErr, e);
      }
      return onOk ? onOk(value) : (value as A);
    },
    (e: unknown): B | PromiseLike<B> => {
      waiter.cancel();
      waiters.remove(waiter);
      if (!(get ? q.empty() : q.full()) && !waiter.cancelled()) wakeupNext(waiters);
      return fail(onErr, e);
    },
  );
}

/** `onErr(e)`, or rethrow `e` into the chain when there is no `onErr`, as a promise's `then` does. */
function fail<B>(onErr: Settle<unknown, B>, e: unknown): B | PromiseLike<B> {
  if (onErr) return onErr(e);
  throw e;
}

/** The `#item` of a `get()`: no item a program can put. */
const GET: unique symbol = Symbol("Queue.get");

function wakeupNext(waiters: Deque<Future<null>>): void {
  for (;;) {
    const w = waiters.shift();
    if (!w) return;
    if (!w.done()) {
      w.setResult(null);
      return;
    }
  }
}

/**
 * A FIFO queue for tasks; with `maxsize > 0`, `put` waits while it is full (backpressure).
 * Python: `asyncio.Queue(maxsize=0)`.
 * @example
 * const q = new asyncio.Queue<number>(10);
 * await q.put(1);
 * const item = await q.get();
 * q.taskDone();
 * await q.join(); // every item processed
 */
export class Queue<T> {
  readonly _maxsize: number;
  _getters = new Deque<Future<null>>();
  _putters = new Deque<Future<null>>();
  _unfinishedTasks = 0;
  _finished = new Event();
  /** Python 3.13's `_is_shutdown`: never set on an older version, which has no `shutdown`. */
  _isShutdown = false;

  constructor(maxsize = 0) {
    this._maxsize = maxsize;
    this._finished.set();
    this._init();
  }

  // The storage, overridden by PriorityQueue and LifoQueue (Python's _init/_put/_get).
  _items: T[] = [];
  _head = 0;
  _init(): void {}
  _size(): number {
    return this._items.length - this._head;
  }
  _put(item: T): void {
    this._items.push(item);
  }
  _get(): T {
    const x = this._items[this._head]!;
    this._items[this._head++] = undefined as T;
    if (this._head > 1024 && this._head * 2 > this._items.length) {
      this._items = this._items.slice(this._head);
      this._head = 0;
    }
    return x;
  }

  /** Python: `q.maxsize`. */
  get maxsize(): number {
    return this._maxsize;
  }

  /** Python: `q.qsize()`. */
  qsize(): number {
    return this._size();
  }

  /** Python: `q.empty()`. */
  empty(): boolean {
    return this._size() === 0;
  }

  /** Python: `q.full()`. */
  full(): boolean {
    return this._maxsize > 0 && this._size() >= this._maxsize;
  }

  /** Put an item, waiting while the queue is full. Python: `await q.put(item)`. */
  put(item: T): PromiseLike<void> {
    return new QueueCall<void>(this, item);
  }

  /** Put an item or throw `QueueFull`. Python: `q.put_nowait(item)`. */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinishedTasks += 1;
    this._finished.clear();
    wakeupNext(this._getters);
  }

  /** Remove and return an item, waiting while the queue is empty. Python: `await q.get()`. */
  get(): PromiseLike<T> {
    return new QueueCall<T>(this, GET);
  }

  /** Remove and return an item or throw `QueueEmpty`. Python: `q.get_nowait()`. */
  getNowait(): T {
    if (this.empty()) {
      if (this._isShutdown) throw new QueueShutDown();
      throw new QueueEmpty();
    }
    const item = this._get();
    wakeupNext(this._putters);
    return item;
  }

  /** Mark one fetched item as processed. Python: `q.task_done()`. */
  taskDone(): void {
    if (this._unfinishedTasks <= 0) throw new ValueError("task_done() called too many times");
    this._unfinishedTasks -= 1;
    if (this._unfinishedTasks === 0) this._finished.set();
  }

  /**
   * Shut the queue down: `put` raises `QueueShutDown` from now on, and `get` once the queue is
   * empty (`immediate`: at once, the items left dropped and counted done, which may release
   * `join`). Every task waiting in `put` or `get` wakes to raise it. Python 3.13:
   * `q.shutdown(immediate=False)`; an AttributeError on older versions, which lack it.
   * @example
   * q.shutdown(); // the workers' `await q.get()` raise QueueShutDown once the queue is drained
   */
  shutdown(immediate = false): void {
    if (!since("queueShutdown"))
      throw new AttributeError(`'${pyClassName(this)}' object has no attribute 'shutdown'`);
    this._isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this._get();
        if (this._unfinishedTasks > 0) this._unfinishedTasks -= 1;
      }
      if (this._unfinishedTasks === 0) this._finished.set();
    }
    // Every waiting task wakes and looks again, to raise QueueShutDown.
    for (let w = this._getters.shift(); w; w = this._getters.shift())
      if (!w.done()) w.setResult(null);
    for (let w = this._putters.shift(); w; w = this._putters.shift())
      if (!w.done()) w.setResult(null);
  }

  /** Wait until every item put has been marked done. Python: `await q.join()`. */
  join(): Lazy<void> {
    return new Lazy(async () => {
      if (this._unfinishedTasks > 0) await this._finished.wait();
    });
  }
}

/** The Python class name of a queue: `Queue`, `PriorityQueue`, `LifoQueue`. */
function pyClassName(q: Queue<unknown>): string {
  return q instanceof PriorityQueue
    ? "PriorityQueue"
    : q instanceof LifoQueue
      ? "LifoQueue"
      : "Queue";
}

/** Python's `<` for the values a priority queue holds: numbers, strings, and tuples (arrays) of them. */
export function pyLess(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (pyLess(a[i], b[i])) return true;
      if (pyLess(b[i], a[i])) return false;
    }
    return a.length < b.length;
  }
  const ta = typeof a;
  const tb = typeof b;
  const numeric = (t: string) => t === "number" || t === "bigint" || t === "boolean";
  if ((numeric(ta) && numeric(tb)) || (ta === "string" && tb === "string"))
    return (a as number) < (b as number);
  throw new TypeError(`'<' not supported between instances of '${ta}' and '${tb}'`);
}

const less = (a: unknown, b: unknown): boolean => pyLess(a, b);

/**
 * A queue that hands out the smallest item first (Python's ordering: numbers, strings, and
 * arrays compared like tuples, e.g. `[priority, job]`). Python: `asyncio.PriorityQueue(maxsize=0)`.
 * @example
 * const q = new asyncio.PriorityQueue<[number, string]>();
 * q.putNowait([2, "low"]);
 * q.putNowait([1, "high"]);
 * print(q.getNowait()); // [1, 'high']
 */
export class PriorityQueue<T> extends Queue<T> {
  override _size(): number {
    return this._items.length;
  }
  override _put(item: T): void {
    heappush(this._items, item, less);
  }
  override _get(): T {
    return heappop(this._items, less);
  }
}

/**
 * A last-in, first-out queue. Python: `asyncio.LifoQueue(maxsize=0)`.
 * @example
 * const q = new asyncio.LifoQueue<number>();
 * q.putNowait(1);
 * q.putNowait(2);
 * print(q.getNowait()); // 2
 */
export class LifoQueue<T> extends Queue<T> {
  override _size(): number {
    return this._items.length;
  }
  override _get(): T {
    return this._items.pop()!;
  }
}
