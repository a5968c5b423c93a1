/** `unittest`'s TestCase and IsolatedAsyncioTestCase against CPython's: step order, loops, tasks, messages. */
import { test } from "node:test";
import { ContextVar } from "../../../../src/runtime/asyncio/contextvars.ts";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import {
  IsolatedAsyncioTestCase,
  TestCase,
  TestResult,
} from "../../../../src/sandbox/services/unittest.ts";
import { scriptSameAsPython } from "../../runtime/sameAsPython.ts";

const { print } = asyncio;

/** Prints each outcome as it is reported: Python's TestResult methods, overridden the same way. */
class Printing extends TestResult {
  override addFailure(test: TestCase, error: unknown): void {
    super.addFailure(test, error);
    print("failure", test.testMethodName, `${(error as Error).name}: ${(error as Error).message}`);
  }
  override addError(test: TestCase, error: unknown): void {
    super.addError(test, error);
    print("error", test.testMethodName, `${(error as Error).name}: ${(error as Error).message}`);
  }
  override addSuccess(test: TestCase): void {
    print("success", test.testMethodName);
  }
}

/** The current task's name; Python's `current_task()` also raises outside a loop. */
function here(): string {
  try {
    return asyncio.currentTask()?.getName() ?? "no task";
  } catch {
    return "no task";
  }
}

test("IsolatedAsyncioTestCase: setUp, test, tearDown, cleanups last first; a loop and tasks per test, one context", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import contextvars
    import unittest
    user = contextvars.ContextVar("user", default="nobody")
    class Printing(unittest.TestResult):
        def addFailure(self, test, err):
            super().addFailure(test, err)
            print("failure", test._testMethodName, f"{err[0].__name__}: {err[1]}")
        def addError(self, test, err):
            super().addError(test, err)
            print("error", test._testMethodName, f"{err[0].__name__}: {err[1]}")
        def addSuccess(self, test):
            print("success", test._testMethodName)
    def here():
        task = asyncio.current_task() if asyncio._get_running_loop() else None
        return task.get_name() if task else "no task"
    loops = []
    class Steps(unittest.IsolatedAsyncioTestCase):
        def setUp(self):
            print("setUp", here())
        async def asyncSetUp(self):
            loops.append(asyncio.get_running_loop())
            user.set("ada")
            print("asyncSetUp", here(), len(set(map(id, loops))))
            self.addAsyncCleanup(self.close, "first")
            self.addAsyncCleanup(self.close, "second")
        async def close(self, what):
            await asyncio.sleep(0.5)
            print("cleanup", what, here(), user.get())
        async def test_fails(self):
            await asyncio.sleep(1)
            print("test_fails", here(), user.get())
            self.assertEqual(1, 2)
        async def test_raises(self):
            raise KeyError("k")
        async def test_passes(self):
            asyncio.create_task(asyncio.sleep(10))
            print("test_passes", here())
        async def asyncTearDown(self):
            print("asyncTearDown", here())
        def tearDown(self):
            print("tearDown", here())
    class SetUpFails(unittest.IsolatedAsyncioTestCase):
        async def asyncSetUp(self):
            self.addAsyncCleanup(self.cleanup)
            raise RuntimeError("no database")
        async def cleanup(self):
            print("cleanup after a failed setUp", here())
        async def test_never_runs(self):
            print("never")
    for cls in (Steps, SetUpFails):
        for case in unittest.defaultTestLoader.loadTestsFromTestCase(cls):
            case.run(Printing())
    print("after", here())
    `,
    async () => {
      asyncio.configure({ clock: new asyncio.VirtualClock() });
      const user = new ContextVar("user", { default: "nobody" });
      const loops = new Set<unknown>();
      class Steps extends IsolatedAsyncioTestCase {
        override setUp() {
          print("setUp", here());
        }
        override async asyncSetUp() {
          loops.add(asyncio.getRunningLoop());
          user.set("ada");
          print("asyncSetUp", here(), loops.size);
          this.addAsyncCleanup((what: string) => this.close(what), "first");
          this.addAsyncCleanup((what: string) => this.close(what), "second");
        }
        async close(what: string) {
          await asyncio.sleep(0.5);
          print("cleanup", what, here(), user.get());
        }
        async test_fails() {
          await asyncio.sleep(1);
          print("test_fails", here(), user.get());
          this.assertEqual(1, 2);
        }
        async test_raises() {
          throw new asyncio.KeyError("k");
        }
        async test_passes() {
          asyncio.createTask(() => asyncio.sleep(10));
          print("test_passes", here());
        }
        override async asyncTearDown() {
          print("asyncTearDown", here());
        }
        override tearDown() {
          print("tearDown", here());
        }
      }
      class SetUpFails extends IsolatedAsyncioTestCase {
        override async asyncSetUp() {
          this.addAsyncCleanup(() => this.cleanup());
          throw new asyncio.RuntimeError("no database");
        }
        async cleanup() {
          print("cleanup after a failed setUp", here());
        }
        async test_never_runs() {
          print("never");
        }
      }
      for (const cls of [Steps, SetUpFails])
        for (const name of Object.getOwnPropertyNames(cls.prototype)
          .filter((n) => n.startsWith("test"))
          .sort())
          await new cls(name).run(new Printing());
      print("after", here());
    },
  );
});

test("TestCase's assertions fail with CPython's messages; assertRaises passes on the error it names", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    import unittest
    tc = unittest.TestCase()
    def said(body):
        try:
            body()
            print("no error")
        except AssertionError as e:
            print(f"AssertionError: {e}")
    said(lambda: tc.assertEqual(1, 2))
    said(lambda: tc.assertEqual(3, 3))
    said(lambda: tc.assertEqual(1.5, 2, "slow"))
    said(lambda: tc.assertNotEqual("a", "a"))
    said(lambda: tc.assertTrue(0))
    said(lambda: tc.assertFalse([1]))
    said(lambda: tc.assertIn("x", ["a", "b"]))
    said(lambda: tc.assertIsNone(3))
    said(lambda: tc.fail("stop"))
    async def main():
        async def times_out():
            await asyncio.wait_for(asyncio.sleep(5), 1)
        with tc.assertRaises(TimeoutError):
            await times_out()
        print(f"raised at {asyncio.get_running_loop().time():.1f}")
        try:
            with tc.assertRaises(TimeoutError):
                await asyncio.sleep(0)
        except AssertionError as e:
            print(f"AssertionError: {e}")
    asyncio.run(main())
    `,
    async () => {
      const tc = new TestCase();
      const said = (body: () => void) => {
        try {
          body();
          print("no error");
        } catch (e) {
          print(`${(e as Error).name}: ${(e as Error).message}`);
        }
      };
      said(() => tc.assertEqual(1, 2));
      said(() => tc.assertEqual(3, 3));
      said(() => tc.assertEqual(1.5, 2, "slow"));
      said(() => tc.assertNotEqual("a", "a"));
      said(() => tc.assertTrue(0));
      said(() => tc.assertFalse([1]));
      said(() => tc.assertIn("x", ["a", "b"]));
      said(() => tc.assertIsNone(3));
      said(() => tc.fail("stop"));
      await asyncio.run(async () => {
        await tc.assertRaises(asyncio.TimeoutError, () => asyncio.waitFor(asyncio.sleep(5), 1));
        print(`raised at ${asyncio.getRunningLoop().time().toFixed(1)}`);
        try {
          await tc.assertRaises(asyncio.TimeoutError, () => asyncio.sleep(0));
        } catch (e) {
          print(`${(e as Error).name}: ${(e as Error).message}`);
        }
      });
    },
  );
});
