/**
 * Python's `unittest`, the part a test of async code needs: `TestCase` (setUp, tearDown,
 * cleanups, the common `assert…` methods), `IsolatedAsyncioTestCase` (the same with `async`
 * hooks, each test on an event loop of its own) and `TestResult`, run by the site's `testrun`
 * module. Reader code: `import { IsolatedAsyncioTestCase } from "unittest"`.
 *
 * A test case runs as in CPython 3.11: `setUp`, then (if it passed) the test and `tearDown`,
 * then the cleanups, last added first; each step's failure is reported at once and the steps
 * after it still run. A plain `TestCase` does not await an `async` test method, as in Python:
 * such a test passes (use `IsolatedAsyncioTestCase`). In an `IsolatedAsyncioTestCase` every async step is the main task of one
 * `asyncio.Runner` per test, so tasks are numbered as in Python. JavaScript's differences:
 * `run` and `assertRaises` are awaited; methods are camelCase (`testFetch` for `test_fetch`);
 * `assertEqual`'s message is `a != b` for every type (Python writes a diff for strings, lists
 * and dicts).
 */

import { type Context, copyContext } from "../../runtime/asyncio/contextvars.ts";
import * as asyncio from "../../runtime/asyncio/index.ts";
import { AssertionError } from "./assertion-error.ts";
import { pyEquals } from "./py-equals.ts";

export { AssertionError } from "./assertion-error.ts";

/**
 * Collects the outcome of tests. Python: `unittest.TestResult`; override `addFailure`,
 * `addError` and `addSuccess` to see each as it happens (Python passes an `exc_info` triple,
 * this port the error itself).
 * @example
 * const result = new TestResult();
 * await new MyTests("testFetch").run(result);
 * print(result.wasSuccessful());
 */
export class TestResult {
  readonly failures: [TestCase, unknown][] = [];
  readonly errors: [TestCase, unknown][] = [];
  testsRun = 0;
  startTest(_test: TestCase): void {
    this.testsRun += 1;
  }
  stopTest(_test: TestCase): void {}
  /** A check failed (`AssertionError`). */
  addFailure(test: TestCase, error: unknown): void {
    this.failures.push([test, error]);
  }
  /** Anything else was raised. */
  addError(test: TestCase, error: unknown): void {
    this.errors.push([test, error]);
  }
  addSuccess(_test: TestCase): void {}
  wasSuccessful(): boolean {
    return this.failures.length === 0 && this.errors.length === 0;
  }
}

type Cleanup = { fn: (...args: never[]) => unknown; args: unknown[] };
type ErrorClass = abstract new (...args: never[]) => unknown;

function longMessage(standard: string, msg: string | undefined): string {
  return msg === undefined ? standard : `${standard} : ${msg}`;
}

/**
 * A group of tests: each `test…` method runs on a fresh instance. Python: `unittest.TestCase`.
 * @example
 * class MathTests extends TestCase {
 *   testAdd() { this.assertEqual(1 + 1, 2); }
 * }
 * await testrun.run(MathTests);
 */
export class TestCase {
  /** The test method this instance runs. Python: `self._testMethodName`. */
  readonly testMethodName: string;
  #cleanups: Cleanup[] = [];

  constructor(methodName = "runTest") {
    this.testMethodName = methodName;
  }

  setUp(): void {}
  tearDown(): void {}

  /**
   * Python: `self.addCleanup(fn, *args)`: run after `tearDown`, last added first.
   * @example
   * this.addCleanup((path: string) => files.delete(path), "/tmp/report");
   */
  addCleanup<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
    this.#cleanups.push({ fn: fn as Cleanup["fn"], args });
  }

  /** Python: `self.fail(msg)`. */
  fail(msg?: string): never {
    throw new AssertionError(msg);
  }

  /**
   * Python: `self.assertEqual(first, second, msg=None)`; fails with `1 != 2` (`: msg` after it).
   * @example
   * this.assertEqual(await fetchUser(7), { id: 7, name: "Ada" });
   */
  assertEqual(first: unknown, second: unknown, msg?: string): void {
    if (!pyEquals(first, second))
      this.fail(longMessage(`${asyncio.pyRepr(first)} != ${asyncio.pyRepr(second)}`, msg));
  }

  /** Python: `self.assertNotEqual(first, second, msg=None)`. */
  assertNotEqual(first: unknown, second: unknown, msg?: string): void {
    if (pyEquals(first, second))
      this.fail(longMessage(`${asyncio.pyRepr(first)} == ${asyncio.pyRepr(second)}`, msg));
  }

  /**
   * Python: `self.assertTrue(x, msg=None)`; fails with `0 is not true`.
   * @example
   * this.assertTrue(conn.open);
   */
  assertTrue(x: unknown, msg?: string): void {
    if (!x) this.fail(longMessage(`${asyncio.pyRepr(x)} is not true`, msg));
  }

  /** Python: `self.assertFalse(x, msg=None)`. */
  assertFalse(x: unknown, msg?: string): void {
    if (x) this.fail(longMessage(`${asyncio.pyRepr(x)} is not false`, msg));
  }

  /**
   * Python: `self.assertIn(member, container, msg=None)`.
   * @example
   * this.assertIn("ada", await db.users());
   */
  assertIn(member: unknown, container: Iterable<unknown>, msg?: string): void {
    const found =
      typeof container === "string"
        ? container.includes(member as string)
        : [...container].some((x) => pyEquals(x, member));
    if (!found)
      this.fail(
        longMessage(`${asyncio.pyRepr(member)} not found in ${asyncio.pyRepr(container)}`, msg),
      );
  }

  /**
   * Python: `self.assertIsNone(x, msg=None)` (`undefined` counts as `None`).
   * @example
   * this.assertIsNone(await fetchOrNone(client, "/slow"));
   */
  assertIsNone(x: unknown, msg?: string): void {
    if (x !== null && x !== undefined)
      this.fail(longMessage(`${asyncio.pyRepr(x)} is not None`, msg));
  }

  /**
   * Passes when `body` raises `errorClass` (returned, to look at); fails when it raises nothing;
   * anything else goes through. Python: `with self.assertRaises(errorClass) as cm:` around the
   * body, then `cm.exception`.
   * @example
   * const e = await this.assertRaises(asyncio.TimeoutError, () => fetchWithin(client, 30));
   */
  async assertRaises<E extends ErrorClass>(
    errorClass: E,
    body: () => unknown,
  ): Promise<InstanceType<E>> {
    try {
      await body();
    } catch (e) {
      if (e instanceof errorClass) return e as InstanceType<E>;
      throw e;
    }
    const name = (errorClass as { name?: string }).name ?? "exception";
    return this.fail(`${name} not raised`);
  }

  /** The steps' hooks: `IsolatedAsyncioTestCase` runs them on its loop. */
  protected async callSetUp(): Promise<void> {
    this.setUp();
  }
  protected async callTestMethod(method: () => unknown): Promise<void> {
    const result = method.call(this);
    // Python's TestCase calls an `async def` test and drops the coroutine (a DeprecationWarning
    // on stderr): the test passes without running. A JavaScript async method starts when
    // called, so it runs to its first await; what it throws after that is dropped here too.
    if (result instanceof Promise) result.catch(() => {});
  }
  protected async callTearDown(): Promise<void> {
    this.tearDown();
  }
  protected async callCleanup(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<void> {
    await fn(...args);
  }

  /** Python: `self.doCleanups()`: the cleanups, last added first; each failure is reported. */
  async doCleanups(result: TestResult | null = null): Promise<boolean> {
    let ok = true;
    while (this.#cleanups.length > 0) {
      const { fn, args } = this.#cleanups.pop()!;
      ok = (await this.#part(result, () => this.callCleanup(fn as never, args))) && ok;
    }
    return ok;
  }

  async #part(result: TestResult | null, step: () => Promise<void>): Promise<boolean> {
    try {
      await step();
      return true;
    } catch (e) {
      if (e instanceof AssertionError) result?.addFailure(this, e);
      else result?.addError(this, e);
      return false;
    }
  }

  /**
   * Run this test: setUp, the test, tearDown, cleanups. Python: `case.run(result)`.
   * @example
   * await new MathTests("testAdd").run(new TestResult());
   */
  async run(result: TestResult = new TestResult()): Promise<TestResult> {
    result.startTest(this);
    try {
      const method = (this as unknown as Record<string, unknown>)[this.testMethodName];
      if (typeof method !== "function")
        throw new asyncio.ValueError(
          `no such test method in ${this.constructor.name}: ${this.testMethodName}`,
        );
      let ok = await this.#part(result, () => this.callSetUp());
      if (ok) {
        ok = await this.#part(result, () => this.callTestMethod(method as () => unknown));
        ok = (await this.#part(result, () => this.callTearDown())) && ok;
      }
      ok = (await this.doCleanups(result)) && ok;
      if (ok) result.addSuccess(this);
      return result;
    } finally {
      result.stopTest(this);
    }
  }
}

/** Python's `inspect.iscoroutinefunction`, for JavaScript: an `async` function. */
function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === "function" && fn.constructor.name === "AsyncFunction";
}

/**
 * A test case whose hooks and tests may be `async`: each test gets an event loop of its own (an
 * `asyncio.Runner`), on which `asyncSetUp`, the test, `asyncTearDown` and the async cleanups each
 * run as a main task, all in one context. Python: `unittest.IsolatedAsyncioTestCase` (3.8+;
 * built on `asyncio.Runner` since 3.11).
 * @example
 * class FetchTests extends IsolatedAsyncioTestCase {
 *   client = new AsyncMock<"get">();
 *   async testFetch() {
 *     this.client.get.returnValue = "page";
 *     this.assertEqual(await fetchPage(this.client), "page");
 *   }
 * }
 * await testrun.run(FetchTests);
 */
export class IsolatedAsyncioTestCase extends TestCase {
  #runner: asyncio.Runner | null = null;
  readonly #context: Context = copyContext();

  async asyncSetUp(): Promise<void> {}
  async asyncTearDown(): Promise<void> {}

  /**
   * Python: `self.addAsyncCleanup(coro_fn, *args)`: awaited on the test's loop, after
   * `asyncTearDown`, last added first.
   * @example
   * this.addAsyncCleanup(() => this.session.close());
   */
  addAsyncCleanup<A extends unknown[]>(fn: (...args: A) => PromiseLike<unknown>, ...args: A): void {
    // Python tells a coroutine function by its code; JavaScript's `() => this.close()` returns a
    // promise without being an `async` function, so a cleanup added here is always awaited on
    // the loop.
    const onLoop = isAsyncFunction(fn) ? fn : async (...a: A) => fn(...a);
    this.addCleanup(onLoop, ...args);
  }

  async #callAsync(fn: () => unknown): Promise<unknown> {
    return this.#runner!.run(fn as () => Promise<unknown>, { context: this.#context });
  }

  async #callMaybeAsync(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
    if (isAsyncFunction(fn)) return this.#callAsync(() => fn.apply(this, args));
    return this.#context.run(() => fn.apply(this, args));
  }

  protected override async callSetUp(): Promise<void> {
    this.#runner!.getLoop();
    this.#context.run(() => this.setUp());
    await this.#callAsync(() => this.asyncSetUp());
  }
  protected override async callTestMethod(method: () => unknown): Promise<void> {
    await this.#callMaybeAsync(method, []);
  }
  protected override async callTearDown(): Promise<void> {
    await this.#callAsync(() => this.asyncTearDown());
    this.#context.run(() => this.tearDown());
  }
  protected override async callCleanup(
    fn: (...args: unknown[]) => unknown,
    args: unknown[],
  ): Promise<void> {
    await this.#callMaybeAsync(fn, args);
  }

  override async run(result: TestResult = new TestResult()): Promise<TestResult> {
    this.#runner = new asyncio.Runner();
    try {
      return await super.run(result);
    } finally {
      await this.#runner.close();
    }
  }
}

/**
 * Finds a test case's tests. Python: `unittest.defaultTestLoader`.
 * @example
 * for (const test of defaultTestLoader.loadTestsFromTestCase(MathTests)) await test.run(result);
 */
export const defaultTestLoader = {
  /** The names of the `test…` methods, sorted, as Python's loader sorts them. */
  getTestCaseNames(testCaseClass: new (methodName: string) => TestCase): string[] {
    const names = new Set<string>();
    for (
      let proto = testCaseClass.prototype;
      proto && proto !== TestCase.prototype;
      proto = Object.getPrototypeOf(proto)
    )
      for (const name of Object.getOwnPropertyNames(proto))
        if (name.startsWith("test") && typeof proto[name as keyof typeof proto] === "function")
          names.add(name);
    return [...names].sort();
  },
  /** One instance per test method. */
  loadTestsFromTestCase<T extends TestCase>(testCaseClass: new (methodName: string) => T): T[] {
    return this.getTestCaseNames(testCaseClass).map((name) => new testCaseClass(name));
  },
};
