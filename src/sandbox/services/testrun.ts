/**
 * The site's tiny test runner (not a real package; its Python twin is the recorder's stand-in
 * `testrun`): runs test functions and `unittest` test cases, prints one line per test and
 * pytest's summary line (`1 failed, 2 passed in 30.00s`), on the program's clock.
 *
 * A test function may be `async` (it runs as the main task of a fresh event loop, as with
 * pytest-asyncio) or plain; a `TestCase` class runs each of its `test…` methods, in name order,
 * as `unittest` does. A test fails when it raises; the line says what it raised.
 */

import { pyTypeName } from "../../runtime/asyncio/errors.ts";
import * as asyncio from "../../runtime/asyncio/index.ts";
import { programTime } from "../../runtime/asyncio/program-clock.ts";
import { defaultTestLoader, TestCase, TestResult } from "./unittest.ts";

/** A test: a function (async or plain), or a `TestCase` class. */
export type Test = (() => unknown) | (new (methodName: string) => TestCase);

type Outcome = { status: "PASSED" } | { status: "FAILED"; error: unknown };

/** Keeps the first error of a test case. */
class FirstError extends TestResult {
  error: { value: unknown } | null = null;
  override addFailure(test: TestCase, error: unknown): void {
    super.addFailure(test, error);
    this.error ??= { value: error };
  }
  override addError(test: TestCase, error: unknown): void {
    super.addError(test, error);
    this.error ??= { value: error };
  }
}

/** `Type: message` (`Type` alone when the message is empty), later lines indented. */
function describeError(error: unknown): string {
  const text = asyncio.pyStr(error);
  const line = text ? `${pyTypeName(error)}: ${text}` : pyTypeName(error);
  return line.replace(/\n+$/, "").replaceAll("\n", "\n    ");
}

function isTestCaseClass(test: Test): test is new (methodName: string) => TestCase {
  return test.prototype instanceof TestCase;
}

async function runFunction(test: () => unknown): Promise<Outcome> {
  try {
    if (test.constructor.name === "AsyncFunction") {
      // Python's asyncio.run(test()), which is this; asyncio.run itself would also report the
      // error as one that escaped the program.
      const runner = new asyncio.Runner();
      try {
        await runner.run(test as () => Promise<unknown>);
      } finally {
        await runner.close();
      }
    } else test();
  } catch (error) {
    // Python's runner catches Exception: a cancellation or an interrupt ends the whole run.
    if (error instanceof asyncio.CancelledError || error instanceof asyncio.KeyboardInterrupt)
      throw error;
    return { status: "FAILED", error };
  }
  return { status: "PASSED" };
}

async function runCase(test: TestCase): Promise<Outcome> {
  const result = new FirstError();
  await test.run(result);
  return result.error ? { status: "FAILED", error: result.error.value } : { status: "PASSED" };
}

function* expand(tests: readonly Test[]): Generator<[string, () => Promise<Outcome>]> {
  for (const test of tests) {
    if (isTestCaseClass(test)) {
      for (const c of defaultTestLoader.loadTestsFromTestCase(test))
        yield [`${test.name}::${c.testMethodName}`, () => runCase(c)];
    } else {
      yield [test.name, () => runFunction(test as () => unknown)];
    }
  }
}

/** pytest's duration: `30.00s`, and `(0:01:30)` after it from a minute on. */
function duration(seconds: number): string {
  let text = `${seconds.toFixed(2)}s`;
  if (seconds >= 60) {
    const whole = Math.floor(seconds);
    const mm = String(Math.floor(whole / 60) % 60).padStart(2, "0");
    const ss = String(whole % 60).padStart(2, "0");
    text += ` (${Math.floor(whole / 3600)}:${mm}:${ss})`;
  }
  return text;
}

/**
 * Run each test, print `PASSED name` or `FAILED name - Error: message` for each, then the
 * summary line; resolves to whether none failed. Python (the site's stand-in):
 * `testrun.run(*tests)`; at home, `python -m unittest` or `pytest` runs the same tests.
 * @example
 * async function testTimeout() {
 *   await asyncio.waitFor(asyncio.sleep(1), 2);
 * }
 * class FetchTests extends IsolatedAsyncioTestCase { async testOk() {} }
 * await testrun.run(testTimeout, FetchTests);
 * // PASSED testTimeout
 * // PASSED FetchTests::testOk
 * // 2 passed in 1.00s
 */
export async function run(...tests: Test[]): Promise<boolean> {
  const start = programTime();
  const counts = { failed: 0, passed: 0 };
  for (const [name, runOne] of expand(tests)) {
    const outcome = await runOne();
    if (outcome.status === "PASSED") {
      counts.passed += 1;
      asyncio.print(`PASSED ${name}`);
    } else {
      counts.failed += 1;
      asyncio.print(`FAILED ${name} - ${describeError(outcome.error)}`);
    }
  }
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`);
  const summary = parts.length > 0 ? parts.join(", ") : "no tests ran";
  asyncio.print(`${summary} in ${duration(programTime() - start)}`);
  return counts.failed === 0;
}
