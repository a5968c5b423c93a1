/**
 * Python's `unittest.mock`, the part a test of async code needs: `AsyncMock` (a stand-in for an
 * async function or an object of them, that records its calls and awaits and can be told what
 * to return or raise) and `Mock` (its synchronous sibling). Reader code:
 * `import { AsyncMock } from "unittest.mock"`.
 *
 * As in Python, a mock makes a child mock for any attribute on first use (`client.get` is an
 * `AsyncMock` named `get`), `returnValue` and `sideEffect` choose what a call gives, and the
 * `assert…` methods raise `AssertionError` with CPython's messages. The differences JavaScript
 * forces: no keyword arguments; `then` is never a child (a mock with a `then` would be taken for
 * a promise by `await`); a mock's repr has no address (`<AsyncMock name='mock.get'>`);
 * `assertNotCalled` lists the mock's own calls (Python's lists its
 * children's too); and awaiting a plain `Mock`'s result does not raise `TypeError` as
 * Python's `await Mock()()` does, since JavaScript can await any value.
 */
import { PY_REPR, pyRepr } from "../../runtime/asyncio/index.ts";
import { AssertionError } from "./assertion-error.ts";
import { pyEquals } from "./py-equals.ts";

/** What a mock's `sideEffect` may be: an error (class or instance), values in turn, or a function. */
export type SideEffect =
  | Error
  | (new (
      ...args: never[]
    ) => Error)
  | Iterable<unknown>
  | ((...args: never[]) => unknown)
  | null;

/**
 * One recorded call's arguments, printed as Python prints it: `call('/a', 2)`. Python:
 * `unittest.mock.call` objects, in `call_args_list` and `await_args_list`.
 */
export class Call {
  readonly args: readonly unknown[];
  constructor(args: readonly unknown[]) {
    this.args = args;
  }
  [PY_REPR](): string {
    return `call(${this.args.map((a) => pyRepr(a)).join(", ")})`;
  }
}

/** A mock's own API; any other attribute is a child mock. */
interface MockApi {
  /** Python: `mock.return_value` (a child mock until set). */
  returnValue: unknown;
  /** Python: `mock.side_effect`; an iterable becomes an iterator when set, as in Python. */
  sideEffect: SideEffect;
  /** Python: `mock.called`. */
  readonly called: boolean;
  /** Python: `mock.call_count`. */
  readonly callCount: number;
  /** Python: `mock.call_args_list`, each call's arguments. */
  readonly callArgsList: readonly Call[];
  /** Python: `mock.assert_called()`. */
  assertCalled(): void;
  /** Python: `mock.assert_not_called()`. */
  assertNotCalled(): void;
}

/** The awaits an `AsyncMock` records, and the assertions on them. */
interface AsyncMockApi extends MockApi {
  /** Python: `mock.await_count`: how many calls were awaited (a call alone does not count). */
  readonly awaitCount: number;
  /** Python: `mock.await_args_list`. */
  readonly awaitArgsList: readonly Call[];
  /** Python: `mock.assert_awaited()`. */
  assertAwaited(): void;
  /** Python: `mock.assert_awaited_once()`. */
  assertAwaitedOnce(): void;
  /** Python: `mock.assert_awaited_with(*args)`: the last await had these arguments. */
  assertAwaitedWith(...args: unknown[]): void;
  /** Python: `mock.assert_awaited_once_with(*args)`. */
  assertAwaitedOnceWith(...args: unknown[]): void;
  /** Python: `mock.assert_not_awaited()`. */
  assertNotAwaited(): void;
}

/**
 * A synchronous mock: callable, and any other attribute is a child `Mock`. TypeScript needs the
 * children's names to type them: `new Mock<"now">()` has a `now` child.
 */
export type Mock<Children extends string = never> = MockApi &
  // biome-ignore lint/suspicious/noExplicitAny: a mock returns whatever the test told it to
  ((...args: any[]) => any) & { readonly [P in Children]: Mock };
/**
 * An async mock: calling it gives an awaitable, and any other attribute is a child `AsyncMock`
 * (`new AsyncMock<"get" | "close">()` has the children `get` and `close`).
 */
export type AsyncMock<Children extends string = never> = AsyncMockApi &
  // biome-ignore lint/suspicious/noExplicitAny: a mock returns whatever the test told it to
  ((...args: any[]) => PromiseLike<any>) & { readonly [P in Children]: AsyncMock };

/** What `new Mock()` / `new AsyncMock()` accept: Python's keyword arguments. */
export interface MockOptions {
  returnValue?: unknown;
  sideEffect?: SideEffect;
  /** Python: `name=`, used in the assertions' messages (a child is named after its attribute). */
  name?: string;
}

const DEFAULT: unique symbol = Symbol("DEFAULT");
const OWN = new Set([
  "returnValue",
  "sideEffect",
  "called",
  "callCount",
  "callArgsList",
  "awaitCount",
  "awaitArgsList",
]);

function isErrorClass(x: unknown): x is new () => Error {
  return typeof x === "function" && (x === Error || x.prototype instanceof Error);
}

/** The state behind one mock (the proxy's target is a function, so the mock is callable). */
class MockCore {
  readonly isAsync: boolean;
  readonly name: string;
  /** Python's repr name: `mock.get()` for what `mock.get` returned. */
  readonly path: string;
  returnValue: unknown = DEFAULT;
  effect: unknown = null;
  readonly calls: unknown[][] = [];
  readonly awaits: unknown[][] = [];
  readonly children = new Map<PropertyKey, unknown>();
  proxy: unknown = null;

  constructor(isAsync: boolean, name: string, path: string, options: MockOptions) {
    this.isAsync = isAsync;
    this.name = name;
    this.path = path;
    if ("returnValue" in options) this.returnValue = options.returnValue;
    if (options.sideEffect !== undefined) this.setEffect(options.sideEffect);
  }

  setEffect(effect: unknown): void {
    const iterable =
      effect !== null &&
      typeof effect === "object" &&
      !(effect instanceof Error) &&
      Symbol.iterator in effect;
    this.effect = iterable ? (effect as Iterable<unknown>)[Symbol.iterator]() : effect;
  }

  result(): unknown {
    if (this.returnValue === DEFAULT)
      this.returnValue = makeMock(this.isAsync, "()", `${this.path}()`, {});
    return this.returnValue;
  }

  child(key: string): unknown {
    if (!this.children.has(key))
      this.children.set(key, makeMock(this.isAsync, key, `${this.path}.${key}`, {}));
    return this.children.get(key);
  }

  /** Python's `_format_mock_call_signature`: `get('/', 2)`. */
  signature(args: readonly unknown[]): string {
    return `${this.name}(${args.map((a) => pyRepr(a)).join(", ")})`;
  }

  /** Python's `_execute_mock_call` (sync) and its awaited half (async). */
  effectOf(args: unknown[]): { value: unknown } | { pending: PromiseLike<unknown> } {
    const effect = this.effect;
    if (effect !== null && effect !== undefined) {
      if (effect instanceof Error) throw effect;
      if (isErrorClass(effect)) throw new effect();
      let result: unknown;
      if (typeof effect === "function") {
        result = (effect as (...a: unknown[]) => unknown)(...args);
        if (this.isAsync && isThenable(result)) return { pending: result };
      } else {
        const next = (effect as Iterator<unknown>).next();
        if (next.done) throw this.isAsync ? stopAsyncIteration() : stopIteration();
        result = next.value;
        if (result instanceof Error) throw result;
        if (isErrorClass(result)) throw new result();
      }
      if (result !== DEFAULT) return { value: result };
    }
    return { value: this.result() };
  }

  call(args: unknown[]): unknown {
    this.calls.push(args);
    if (!this.isAsync) {
      const r = this.effectOf(args);
      return "value" in r ? r.value : r.pending;
    }
    // Like a coroutine, the call does nothing until it is awaited: only then does it count as
    // awaited and run its side effect.
    let started: Promise<unknown> | null = null;
    const start = (): Promise<unknown> => {
      started ??= (async () => {
        this.awaits.push(args);
        const r = this.effectOf(args);
        return "value" in r ? r.value : await r.pending;
      })();
      return started;
    };
    return {
      // biome-ignore lint/suspicious/noThenProperty: the call's result is awaitable, like a coroutine
      then: (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
        start().then(onFulfilled, onRejected),
    };
  }

  fail(message: string): never {
    throw new AssertionError(message);
  }

  api(key: string, ...args: unknown[]): unknown {
    const n = this.awaits.length;
    const who = this.name;
    switch (key) {
      case "assertCalled":
        if (this.calls.length === 0) this.fail(`Expected '${who}' to have been called.`);
        return undefined;
      case "assertNotCalled":
        if (this.calls.length !== 0)
          this.fail(
            `Expected '${who}' to not have been called. Called ${this.calls.length} times.\n` +
              `Calls: ${pyRepr(this.calls.map((c) => new Call(c)))}.`,
          );
        return undefined;
      case "assertAwaited":
        if (n === 0) this.fail(`Expected ${who} to have been awaited.`);
        return undefined;
      case "assertAwaitedOnce":
        if (n !== 1) this.fail(`Expected ${who} to have been awaited once. Awaited ${n} times.`);
        return undefined;
      case "assertNotAwaited":
        if (n !== 0) this.fail(`Expected ${who} to not have been awaited. Awaited ${n} times.`);
        return undefined;
      case "assertAwaitedOnceWith":
        if (n !== 1) this.fail(`Expected ${who} to have been awaited once. Awaited ${n} times.`);
        return this.api("assertAwaitedWith", ...args);
      case "assertAwaitedWith": {
        const expected = this.signature(args);
        const last = this.awaits[n - 1];
        if (last === undefined) this.fail(`Expected await: ${expected}\nNot awaited`);
        if (!pyEquals(last, args))
          this.fail(
            `expected await not found.\nExpected: ${expected}\n  Actual: ${this.signature(last)}`,
          );
        return undefined;
      }
    }
    return undefined;
  }
}

const API = new Set([
  "assertCalled",
  "assertNotCalled",
  "assertAwaited",
  "assertAwaitedOnce",
  "assertAwaitedWith",
  "assertAwaitedOnceWith",
  "assertNotAwaited",
]);
const ASYNC_ONLY = new Set([...API].filter((k) => k.includes("Await")));

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return (
    (typeof x === "object" || typeof x === "function") &&
    x !== null &&
    typeof (x as { then?: unknown }).then === "function"
  );
}

function stopIteration(): Error {
  const e = new Error("");
  e.name = "StopIteration";
  return e;
}

function stopAsyncIteration(): Error {
  const e = new Error("");
  e.name = "StopAsyncIteration";
  return e;
}

/** Python's repr without the object's address, which would differ on every run. */
function reprOf(core: MockCore): string {
  const type = core.isAsync ? "AsyncMock" : "Mock";
  return core.path === "mock" ? `<${type}>` : `<${type} name='${core.path}'>`;
}

function makeMock(isAsync: boolean, name: string, path: string, options: MockOptions): unknown {
  const core = new MockCore(isAsync, options.name ?? name, options.name ?? path, options);
  const target = function mock() {};
  const proxy = new Proxy(target, {
    apply: (_t, _this, args: unknown[]) => core.call(args),
    get: (_t, key) => {
      if (key === PY_REPR || key === "toString") return () => reprOf(core);
      if (typeof key === "symbol") return undefined;
      if (key === "then") return undefined;
      if (core.children.has(key)) return core.children.get(key);
      switch (key) {
        case "returnValue":
          return core.result();
        case "sideEffect":
          return core.effect;
        case "called":
          return core.calls.length > 0;
        case "callCount":
          return core.calls.length;
        case "callArgsList":
          return core.calls.map((c) => new Call([...c]));
        case "awaitCount":
          return isAsync ? core.awaits.length : core.child(key);
        case "awaitArgsList":
          return isAsync ? core.awaits.map((c) => new Call([...c])) : core.child(key);
      }
      if (API.has(key) && (isAsync || !ASYNC_ONLY.has(key)))
        return (...args: unknown[]) => core.api(key, ...args);
      return core.child(key);
    },
    set: (_t, key, value) => {
      if (key === "returnValue") core.returnValue = value;
      else if (key === "sideEffect") core.setEffect(value);
      else if (OWN.has(key as string)) return false;
      else core.children.set(key, value);
      return true;
    },
  });
  core.proxy = proxy;
  return proxy;
}

/**
 * A synchronous mock. Python: `unittest.mock.Mock(return_value=…, side_effect=…)`.
 * @example
 * const clock = new Mock({ returnValue: 12 });
 * print(clock());            // 12
 * clock.assertCalled();
 */
export const Mock = function Mock(options: MockOptions = {}) {
  return makeMock(false, "mock", "mock", options);
} as unknown as new <Children extends string = never>(
  options?: MockOptions,
) => Mock<Children>;

/**
 * A mock whose calls are awaited: for an async function, or an object of them (each attribute is
 * an `AsyncMock` of its own). Python: `unittest.mock.AsyncMock(return_value=…, side_effect=…)`.
 * @example
 * const client = new AsyncMock<"get">();
 * client.get.returnValue = "page";
 * print(await client.get("/"));        // page
 * client.get.assertAwaitedOnceWith("/");
 * client.get.sideEffect = new asyncio.TimeoutError();  // the next await raises it
 */
export const AsyncMock = function AsyncMock(options: MockOptions = {}) {
  return makeMock(true, "mock", "mock", options);
} as unknown as new <Children extends string = never>(
  options?: MockOptions,
) => AsyncMock<Children>;
