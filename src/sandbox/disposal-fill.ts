/**
 * Explicit resource management for engines that lack its built-ins: `Symbol.dispose`,
 * `Symbol.asyncDispose`, `SuppressedError` and `AsyncDisposableStack` (Chrome 134+, Firefox 141+
 * and Node 24 have them; Safari has none). esbuild compiles `using` / `await using` for the
 * sandbox's target, but not these built-ins, and reader code, the runtime and the services all
 * name `Symbol.asyncDispose`: where it is missing, a class's `[Symbol.asyncDispose]()` would be
 * a method called "undefined" and no `await using` would find it.
 *
 * Imported first by the worker, so the symbols exist before any module defines a disposable
 * class. Where the engine has a built-in, it is kept: this fill only adds what is missing.
 * The stack follows the proposal's algorithm (ECMA-262 2026, AsyncDisposableStack objects).
 */

type Disposer = () => unknown;

/** The message V8's own stacks and esbuild's compiled `await using` give a SuppressedError. */
const SUPPRESSED = "An error was suppressed during disposal";

// Before the classes below: their `[Symbol.asyncDispose]` keys are read as they are defined.
fillSymbols();

/** The error `await using` and a stack throw when disposing fails while another error is live. */
export class SuppressedErrorFill extends Error {
  readonly error: unknown;
  readonly suppressed: unknown;
  constructor(error: unknown, suppressed: unknown, message?: string) {
    super(message);
    this.error = error;
    this.suppressed = suppressed;
  }
}
Object.defineProperty(SuppressedErrorFill.prototype, "name", {
  value: "SuppressedError",
  writable: true,
  configurable: true,
});

/** `AsyncDisposableStack`: disposers run last in, first out, each awaited, errors chained. */
export class AsyncDisposableStackFill {
  #disposers: Disposer[] = [];
  #disposed = false;

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Adds `value`'s own `[Symbol.asyncDispose]` (or `[Symbol.dispose]`); null and undefined pass. */
  use<T>(value: T): T {
    this.#checkOpen();
    if (value === null || value === undefined) return value;
    if (typeof value !== "object" && typeof value !== "function")
      throw new TypeError("AsyncDisposableStack.use: the value is not an object");
    const target = value as Record<symbol, unknown>;
    const asyncMethod = target[Symbol.asyncDispose];
    const syncMethod = asyncMethod === undefined ? target[Symbol.dispose] : undefined;
    const method = asyncMethod ?? syncMethod;
    if (typeof method !== "function")
      throw new TypeError("AsyncDisposableStack.use: the value is not disposable");
    // A sync disposer's result is not awaited (the proposal's CreateDisposableResource).
    this.#disposers.push(
      asyncMethod === undefined
        ? () => {
            method.call(value);
          }
        : () => method.call(value),
    );
    return value;
  }

  /** Adds `onDisposeAsync(value)` for a value that is not disposable itself. */
  adopt<T>(value: T, onDisposeAsync: (value: T) => unknown): T {
    this.#checkOpen();
    if (typeof onDisposeAsync !== "function")
      throw new TypeError("AsyncDisposableStack.adopt: onDisposeAsync is not a function");
    this.#disposers.push(() => onDisposeAsync(value));
    return value;
  }

  /** Adds a callback to run at disposal. */
  defer(onDisposeAsync: () => unknown): void {
    this.#checkOpen();
    if (typeof onDisposeAsync !== "function")
      throw new TypeError("AsyncDisposableStack.defer: onDisposeAsync is not a function");
    this.#disposers.push(() => onDisposeAsync());
  }

  /** A new stack takes every disposer; this one is disposed without running them. */
  move(): AsyncDisposableStackFill {
    this.#checkOpen();
    const next = new AsyncDisposableStackFill();
    next.#disposers = this.#disposers;
    this.#disposers = [];
    this.#disposed = true;
    return next;
  }

  /** Runs the disposers in reverse order; a later failure wraps the earlier in SuppressedError. */
  async disposeAsync(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    const disposers = this.#disposers;
    this.#disposers = [];
    let failed = false;
    let failure: unknown;
    for (let i = disposers.length - 1; i >= 0; i--) {
      try {
        await (disposers[i] as Disposer)();
      } catch (e) {
        // The global one where the engine has it, so `instanceof SuppressedError` holds.
        const Suppressed =
          (globalThis as unknown as { SuppressedError?: typeof SuppressedErrorFill })
            .SuppressedError ?? SuppressedErrorFill;
        failure = failed ? new Suppressed(e, failure, SUPPRESSED) : e;
        failed = true;
      }
    }
    if (failed) throw failure;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.disposeAsync();
  }

  #checkOpen(): void {
    if (this.#disposed) throw new ReferenceError("AsyncDisposableStack already disposed");
  }
}
Object.defineProperty(AsyncDisposableStackFill.prototype, Symbol.toStringTag, {
  value: "AsyncDisposableStack",
  configurable: true,
});

/**
 * Adds `Symbol.dispose` and `Symbol.asyncDispose` where missing, as the registered
 * `Symbol.for("Symbol.asyncDispose")` ones that esbuild's compiled `await using` falls back to,
 * so compiled code and hand-written `[Symbol.asyncDispose]` methods agree. Returns what it added.
 */
function fillSymbols(): string[] {
  const added: string[] = [];
  const symbols = Symbol as unknown as Record<string, symbol | undefined>;
  for (const name of ["dispose", "asyncDispose"]) {
    if (symbols[name] !== undefined) continue;
    Object.defineProperty(Symbol, name, { value: Symbol.for(`Symbol.${name}`) });
    added.push(`Symbol.${name}`);
  }
  return added;
}

/** Adds to `g` whichever of `SuppressedError` and `AsyncDisposableStack` it lacks; returns their names. */
export function fillDisposalGlobals(g: Record<string, unknown>): string[] {
  const added: string[] = [];
  const fills: Record<string, unknown> = {
    SuppressedError: SuppressedErrorFill,
    AsyncDisposableStack: AsyncDisposableStackFill,
  };
  for (const [name, fill] of Object.entries(fills)) {
    if (g[name] !== undefined) continue;
    Object.defineProperty(g, name, { value: fill, writable: true, configurable: true });
    added.push(name);
  }
  return added;
}

fillDisposalGlobals(globalThis as unknown as Record<string, unknown>);
