/** The site's test runner against its Python twin (the recorder's stand-in), on CPython. */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import * as testrun from "../../../../src/sandbox/services/testrun.ts";
import { IsolatedAsyncioTestCase, TestCase } from "../../../../src/sandbox/services/unittest.ts";
import { AsyncMock } from "../../../../src/sandbox/services/unittest-mock.ts";
import { scriptSameAsPython } from "../../runtime/sameAsPython.ts";

const { print } = asyncio;

test("a line per test, functions in the order given and test methods in name order, then pytest's summary line; a plain TestCase drops an async test", async (t) => {
  const ts = await scriptSameAsPython(
    t,
    `
    import asyncio
    import unittest
    from unittest.mock import AsyncMock
    import testrun
    async def test_slow_timeout():
        async with asyncio.timeout(45):
            await asyncio.sleep(3600)
    def test_plain():
        assert [1, 2] == [1, 2]
    async def test_counts():
        print("counting in", asyncio.current_task().get_name())
        await asyncio.sleep(30)
    class Client(unittest.IsolatedAsyncioTestCase):
        async def asyncSetUp(self):
            self.api = AsyncMock()
        async def test_b_awaited(self):
            await self.api.get(1)
            self.api.get.assert_awaited_once_with(2)
        async def test_a_empty(self):
            print(await self.api.get() is self.api.get.return_value)
            self.assertEqual(self.api.get.await_count, 0)
    print("all passed:", testrun.run(test_slow_timeout, test_plain, test_counts, Client))
    print("all passed:", testrun.run(test_plain))
    testrun.run()
    class Plain(unittest.TestCase):
        async def test_never_awaited(self):
            self.assertEqual(1, 2)
    testrun.run(Plain)
    `,
    async () => {
      asyncio.configure({ clock: new asyncio.VirtualClock() });
      async function test_slow_timeout() {
        await asyncio.timeout(45, () => asyncio.sleep(3600));
      }
      function test_plain() {}
      async function test_counts() {
        print("counting in", asyncio.currentTask()?.getName());
        await asyncio.sleep(30);
      }
      class Client extends IsolatedAsyncioTestCase {
        api = new AsyncMock<"get">();
        async test_b_awaited() {
          await this.api.get(1);
          this.api.get.assertAwaitedOnceWith(2);
        }
        async test_a_empty() {
          print((await this.api.get()) === this.api.get.returnValue);
          this.assertEqual(this.api.get.awaitCount, 0);
        }
      }
      print("all passed:", await testrun.run(test_slow_timeout, test_plain, test_counts, Client));
      print("all passed:", await testrun.run(test_plain));
      await testrun.run();
      class Plain extends TestCase {
        async test_never_awaited() {
          this.assertEqual(1, 2);
        }
      }
      await testrun.run(Plain);
    },
  );
  assert.match(ts, /^\[t=75\.000\] 3 failed, 2 passed in 75\.00s \(0:01:15\)$/m);
});
