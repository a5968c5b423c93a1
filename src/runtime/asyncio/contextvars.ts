/**
 * Context variables: Python's `contextvars` module (`ContextVar`, `Token`, `Context`,
 * `copy_context`), as asyncio uses them. This file is also the module a reader imports as
 * `"contextvars"` (see `READER_MODULES`), so the values it exports are exactly Python's
 * `contextvars.__all__`. Each task runs its steps in the context it copied when
 * it was created, and each `callSoon`/`callLater` callback in the context copied when it was
 * scheduled, so a value set in one task is never seen by another.
 *
 * A context's mapping is never changed in place: `ContextVar.set` replaces the current
 * context's map with a new one (CPython uses an immutable HAMT for the same reason), so copying
 * a context is O(1) and a copy never sees later changes.
 */
import { LookupError, RuntimeError, ValueError } from "./errors.ts";
import { state } from "./state.ts";

type Vars = ReadonlyMap<ContextVar<unknown>, unknown>;
const EMPTY: Vars = new Map();

/**
 * A mapping of context variables to values. Python: `contextvars.Context`. Get one with
 * `copyContext()`; `ctx.run(fn)` calls `fn` with `ctx` as the current context.
 * @example
 * const ctx = asyncio.contextvars.copyContext();
 * ctx.run(() => requestId.set("abc"));
 * print(ctx.get(requestId)); // abc
 */
export class Context {
  /** The mapping; replaced, never mutated (see the file's comment). */
  _vars: Vars;
  _entered = false;

  constructor(vars: Vars = EMPTY) {
    this._vars = vars;
  }

  /**
   * Call `fn(...args)` with this context as the current one, and return its result. Python:
   * `ctx.run(callable, *args)`. Synchronous, as in Python: an `async` function's code after its
   * first `await` runs later, outside `run` (wrap it in a task with `{ context: ctx }` instead).
   * @example
   * const ctx = asyncio.contextvars.copyContext();
   * ctx.run((v: string) => user.set(v), "alice");
   */
  run<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): R {
    if (this._entered) throw new RuntimeError("cannot enter context: <Context> is already entered");
    this._entered = true;
    runStack.push(this);
    try {
      return fn(...args);
    } finally {
      runStack.pop();
      this._entered = false;
    }
  }

  /**
   * A shallow copy. Python: `ctx.copy()`.
   * @example
   * const mine = asyncio.contextvars.copyContext().copy();
   */
  copy(): Context {
    return new Context(this._vars);
  }

  /**
   * The value of `v` in this context, or `defaultValue`. Python: `ctx.get(var, default=None)`.
   * @example
   * print(ctx.get(requestId, "none"));
   */
  get<T, D = undefined>(v: ContextVar<T>, defaultValue?: D): T | D {
    const vars = this._vars as ReadonlyMap<ContextVar<T>, T>;
    return vars.has(v) ? (vars.get(v) as T) : (defaultValue as D);
  }

  /**
   * Does this context hold a value for `v`? Python: `var in ctx`.
   * @example
   * print(ctx.has(requestId));
   */
  has(v: ContextVar<unknown>): boolean {
    return this._vars.has(v);
  }

  /**
   * The variables that have a value here. Python: `ctx.keys()`.
   * @example
   * for (const v of ctx.keys()) print(v.name);
   */
  keys(): ContextVar<unknown>[] {
    return [...this._vars.keys()];
  }

  /** Python: `len(ctx)`. */
  get size(): number {
    return this._vars.size;
  }
}

/** The contexts `Context.run` entered, innermost last. */
const runStack: Context[] = [];

/** The loop-side part of "which context is current": the running task's or callback's. */
export interface ContextSource {
  _runningContext(): Context | null;
}

function current(): Context {
  const n = runStack.length;
  if (n > 0) return runStack[n - 1]!;
  const loop = state.loop as ContextSource | null;
  const running = loop?._runningContext();
  if (running) return running;
  // The program's top level (outside any task or callback) has a context of its own.
  if (state.topLevelContext === null) state.topLevelContext = new Context();
  return state.topLevelContext;
}

/**
 * A copy of the current context. Python: `contextvars.copy_context()`.
 * @example
 * const ctx = asyncio.contextvars.copyContext();
 * loop.callSoon(() => print(requestId.get()), { context: ctx });
 */
export function copyContext(): Context {
  return new Context(current()._vars);
}

const MISSING: unique symbol = Symbol("Token.MISSING");

/**
 * What `ContextVar.set` returns, to undo the change with `reset`. Python: `contextvars.Token`.
 * @example
 * const token = requestId.set("abc");
 * requestId.reset(token);
 */
export class Token<T> {
  /** Python: `Token.MISSING`: the variable had no value before `set`. */
  static readonly MISSING: typeof MISSING = MISSING;
  readonly var: ContextVar<T>;
  readonly oldValue: T | typeof MISSING;
  readonly _context: Context;
  _used = false;

  constructor(v: ContextVar<T>, oldValue: T | typeof MISSING, context: Context) {
    this.var = v;
    this.oldValue = oldValue;
    this._context = context;
  }
}

/**
 * A variable whose value depends on the context: each task sees its own. Python:
 * `contextvars.ContextVar(name, *, default=...)`.
 * @example
 * const requestId = new asyncio.contextvars.ContextVar<string>("request_id", { default: "-" });
 * async function handle(id: string) {
 *   requestId.set(id);
 *   await asyncio.sleep(0.1);
 *   print(requestId.get()); // this task's id, whatever the others set meanwhile
 * }
 */
export class ContextVar<T> {
  readonly name: string;
  readonly #hasDefault: boolean;
  readonly #default: T | undefined;

  constructor(name: string, options?: { default: T }) {
    this.name = name;
    this.#hasDefault = options !== undefined && "default" in options;
    this.#default = options?.default;
  }

  /**
   * The value in the current context; else `defaultValue`, else the variable's default; else
   * throws `LookupError`. Python: `var.get([default])`.
   * @example
   * print(requestId.get());
   * print(requestId.get("none"));
   */
  get(...defaultValue: [] | [T]): T {
    const vars = current()._vars as ReadonlyMap<ContextVar<T>, T>;
    if (vars.has(this)) return vars.get(this) as T;
    if (defaultValue.length > 0) return defaultValue[0] as T;
    if (this.#hasDefault) return this.#default as T;
    throw new LookupError(pyVarRepr(this));
  }

  /**
   * Set the value in the current context; returns a `Token` to undo it. Python: `var.set(value)`.
   * @example
   * const token = requestId.set("abc");
   */
  set(value: T): Token<T> {
    const ctx = current();
    const vars = ctx._vars as ReadonlyMap<ContextVar<T>, T>;
    const old: T | typeof MISSING = vars.has(this) ? (vars.get(this) as T) : MISSING;
    const next = new Map(ctx._vars);
    next.set(this as ContextVar<unknown>, value);
    ctx._vars = next;
    return new Token(this, old, ctx);
  }

  /**
   * Undo the `set` that returned `token`. Python: `var.reset(token)`; `RuntimeError` if the token
   * was used already, `ValueError` if it belongs to another variable or context.
   * @example
   * const token = requestId.set("abc");
   * try { await work(); } finally { requestId.reset(token); }
   */
  reset(token: Token<T>): void {
    if (token._used) throw new RuntimeError(`${pyTokenRepr(token)} has already been used once`);
    if (token.var !== this)
      throw new ValueError(`${pyTokenRepr(token)} was created by a different ContextVar`);
    const ctx = current();
    if (token._context !== ctx)
      throw new ValueError(`${pyTokenRepr(token)} was created in a different Context`);
    token._used = true;
    const next = new Map(ctx._vars);
    if (token.oldValue === MISSING) next.delete(this as ContextVar<unknown>);
    else next.set(this as ContextVar<unknown>, token.oldValue);
    ctx._vars = next;
  }
}

function pyVarRepr(v: ContextVar<unknown>): string {
  return `<ContextVar name='${v.name}'>`;
}

function pyTokenRepr(t: Token<unknown>): string {
  return `<Token var=${pyVarRepr(t.var)}>`;
}
