/** `unittest.mock`'s AsyncMock and Mock against CPython's: what calls give, what is recorded, the messages. */
import { test } from "node:test";
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import { AsyncMock, Mock } from "../../../../src/sandbox/services/unittest-mock.ts";
import { scriptSameAsPython } from "../../runtime/sameAsPython.ts";

const { print } = asyncio;

/** Python's `try: body except AssertionError as e: print(...)`. */
function said(body: () => void): void {
  try {
    body();
    print("no error");
  } catch (e) {
    print(`${(e as Error).name}: ${(e as Error).message}`);
  }
}

test("AsyncMock: a call counts as awaited only when awaited; the assertions say so in CPython's words", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    from unittest.mock import AsyncMock
    def said(body):
        try:
            body()
            print("no error")
        except AssertionError as e:
            print(f"AssertionError: {e}")
    async def main():
        client = AsyncMock()
        client.get.return_value = "page"
        coro = client.get("/a")
        print(client.get.call_count, client.get.await_count)
        said(client.get.assert_awaited)
        print(await coro)
        print(await client.get("/b", 2))
        print(client.get.call_count, client.get.await_count, client.get.await_args_list)
        said(lambda: client.get.assert_awaited_once_with("/a"))
        said(lambda: client.get.assert_awaited_with("/a"))
        said(lambda: client.get.assert_awaited_with("/b", 2))
        said(client.close.assert_not_awaited)
        said(lambda: client.close.assert_awaited_with())
        await client.close()
        said(client.close.assert_awaited_once)
        said(lambda: client.close.assert_awaited_once_with())
    asyncio.run(main())
    `,
    async () => {
      await asyncio.run(async () => {
        const client = new AsyncMock<"get" | "close">();
        client.get.returnValue = "page";
        const coro = client.get("/a");
        print(client.get.callCount, client.get.awaitCount);
        said(() => client.get.assertAwaited());
        print(await coro);
        print(await client.get("/b", 2));
        print(client.get.callCount, client.get.awaitCount, client.get.awaitArgsList);
        said(() => client.get.assertAwaitedOnceWith("/a"));
        said(() => client.get.assertAwaitedWith("/a"));
        said(() => client.get.assertAwaitedWith("/b", 2));
        said(() => client.close.assertNotAwaited());
        said(() => client.close.assertAwaitedWith());
        await client.close();
        said(() => client.close.assertAwaitedOnce());
        said(() => client.close.assertAwaitedOnceWith());
      });
    },
  );
});

test("AsyncMock's side effect: an error class or instance, values in turn, an async function", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    from unittest.mock import AsyncMock
    async def attempt(mock, *args):
        try:
            print("got", await mock(*args))
        except Exception as e:
            print(f"raised {type(e).__name__}: {e}")
    async def slow_double(x):
        await asyncio.sleep(1)
        return x * 2
    async def main():
        await attempt(AsyncMock(side_effect=TimeoutError))
        await attempt(AsyncMock(side_effect=ConnectionError("down")))
        turns = AsyncMock(side_effect=[ConnectionError("down"), "page"])
        for _ in range(3):
            await attempt(turns)
        m = AsyncMock(side_effect=slow_double)
        await attempt(m, 21)
        m.side_effect = None
        m.return_value = 7
        await attempt(m, 1)
        print(m.await_count)
    asyncio.run(main())
    `,
    async () => {
      class ConnectionError extends Error {}
      const attempt = async (mock: AsyncMock, ...args: unknown[]) => {
        try {
          print("got", await mock(...args));
        } catch (e) {
          print(`raised ${asyncio.pyRepr(e).replace(/\(.*$/, "")}: ${(e as Error).message}`);
        }
      };
      const slowDouble = async (x: number) => {
        await asyncio.sleep(1);
        return x * 2;
      };
      await asyncio.run(async () => {
        await attempt(new AsyncMock({ sideEffect: asyncio.TimeoutError }));
        await attempt(new AsyncMock({ sideEffect: new ConnectionError("down") }));
        const turns = new AsyncMock({ sideEffect: [new ConnectionError("down"), "page"] });
        for (let i = 0; i < 3; i++) await attempt(turns);
        const m = new AsyncMock({ sideEffect: slowDouble as (...a: never[]) => unknown });
        await attempt(m, 21);
        m.sideEffect = null;
        m.returnValue = 7;
        await attempt(m, 1);
        print(m.awaitCount);
      });
    },
  );
});

test("Mock: a synchronous call returns at once; then is never a child, so a mock is not taken for a promise", async (t) => {
  await scriptSameAsPython(
    t,
    `
    import asyncio
    from unittest.mock import Mock
    def said(body):
        try:
            body()
            print("no error")
        except AssertionError as e:
            print(f"AssertionError: {e}")
    async def main():
        clock = Mock(return_value=12)
        said(clock.assert_called)
        print(clock(), clock.call_count, clock.called)
        said(clock.assert_not_called)
        log = Mock()
        log.info("a")
        print(log.info.call_args_list)
    asyncio.run(main())
    `,
    async () => {
      await asyncio.run(async () => {
        const clock = new Mock({ returnValue: 12 });
        said(() => clock.assertCalled());
        print(clock(), clock.callCount, clock.called);
        said(() => clock.assertNotCalled());
        const log = new Mock<"info">();
        log.info("a");
        print(log.info.callArgsList);
        const awaited = await Promise.resolve(log);
        if (awaited !== log) throw new Error("a Mock was taken for a thenable");
      });
    },
  );
});
