/**
 * Flow control on the simulated network: drain() and the write buffer's marks, the network's
 * latency and bandwidth, a slow reader's pause, a reset by a closed peer. Each program is
 * checked against CPython running it on the recorder's network.
 */
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { network } from "../../../src/sandbox/services/simulated.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;
type R = asyncio.StreamReader;
type W = asyncio.StreamWriter;

test("drain() does not yield below the high mark, and waits down to the low mark above it", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    import simulated
    simulated.network(latency=0.05, bandwidth=10_000)
    async def sink(reader, writer):
        print("server got", len(await reader.read()))
        writer.close()
        await writer.wait_closed()
    async def other():
        print("other task runs")
    async def main():
        server = await asyncio.start_server(sink, "127.0.0.1", 7100)
        async with server:
            r, w = await asyncio.open_connection("127.0.0.1", 7100)
            print(w.transport.get_write_buffer_limits())
            try:
                w.transport.set_write_buffer_limits(high=10, low=20)
            except ValueError as e:
                print(e)
            w.transport.set_write_buffer_limits(low=1000)
            print(w.transport.get_write_buffer_limits())
            asyncio.create_task(other())
            w.write(b"a" * 3000)
            await w.drain()
            print("below the mark:", w.transport.get_write_buffer_size())
            await asyncio.sleep(0)
            w.write(b"b" * 5000)
            print("over the mark:", w.transport.get_write_buffer_size())
            await w.drain()
            print("drained to:", w.transport.get_write_buffer_size())
            w.write_eof()
            await r.read()
            w.close()
            await w.wait_closed()
    asyncio.run(main())
    `,
    async () => {
      network({ latency: 0.05, bandwidth: 10_000 });
      const sink = async (reader: R, writer: W) => {
        print("server got", (await reader.read()).length);
        writer.close();
        await writer.waitClosed();
      };
      await using _s = await asyncio.startServer(sink, "127.0.0.1", 7100);
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7100);
      const limits = () => {
        const [low, high] = w.transport.getWriteBufferLimits();
        return `(${low}, ${high})`;
      };
      print(limits());
      try {
        w.transport.setWriteBufferLimits({ high: 10, low: 20 });
      } catch (e) {
        if (!(e instanceof asyncio.ValueError)) throw e;
        print(e.message);
      }
      w.transport.setWriteBufferLimits({ low: 1000 });
      print(limits());
      asyncio.createTask(async () => print("other task runs"));
      w.write("a".repeat(3000));
      await w.drain();
      print("below the mark:", w.transport.getWriteBufferSize());
      await asyncio.sleep(0);
      w.write("b".repeat(5000));
      print("over the mark:", w.transport.getWriteBufferSize());
      await w.drain();
      print("drained to:", w.transport.getWriteBufferSize());
      w.writeEof();
      await r.read();
      w.close();
      await w.waitClosed();
    },
  );
});

test("a slow reader with a small limit pauses its transport, and the writer's drain waits for it", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def slow(reader, writer):
        total = 0
        while chunk := await reader.read(500):
            total += len(chunk)
            await asyncio.sleep(0.05)
        print("server read", total)
        writer.close()
        await writer.wait_closed()
    async def main():
        server = await asyncio.start_server(slow, "127.0.0.1", 7101, limit=1000)
        async with server:
            r, w = await asyncio.open_connection("127.0.0.1", 7101)
            w.transport.set_write_buffer_limits(high=2000)
            for i in range(1, 121):
                w.write(b"z" * 1000)
                await w.drain()
                if i % 20 == 0:
                    print("written", i, w.transport.get_write_buffer_size())
            w.write_eof()
            await r.read()
            w.close()
            await w.wait_closed()
    asyncio.run(main())
    `,
    async () => {
      const slow = async (reader: R, writer: W) => {
        let total = 0;
        for (;;) {
          const chunk = await reader.read(500);
          if (chunk.length === 0) break;
          total += chunk.length;
          await asyncio.sleep(0.05);
        }
        print("server read", total);
        writer.close();
        await writer.waitClosed();
      };
      await using _s = await asyncio.startServer(slow, "127.0.0.1", 7101, { limit: 1000 });
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7101);
      w.transport.setWriteBufferLimits({ high: 2000 });
      for (let i = 1; i < 121; i++) {
        w.write("z".repeat(1000));
        await w.drain();
        if (i % 20 === 0) print("written", i, w.transport.getWriteBufferSize());
      }
      w.writeEof();
      await r.read();
      w.close();
      await w.waitClosed();
    },
  );
});

test("writing to a peer that has closed: the reset shows at the next write (EPIPE after its end)", async (t) => {
  // The same program on real loopback sockets prints the same lines on CPython 3.11, 3.12, 3.13.
  await sameAsPython(
    t,
    `
    import asyncio
    async def rude(reader, writer):
        writer.close()
        await writer.wait_closed()
        print("server closed")
    async def main():
        server = await asyncio.start_server(rude, "127.0.0.1", 7102)
        async with server:
            r, w = await asyncio.open_connection("127.0.0.1", 7102)
            await asyncio.sleep(0.1)
            print("read:", await r.read(), w.is_closing())
            w.write(b"anyone?")
            await w.drain()
            print("written", w.is_closing())
            await asyncio.sleep(0.1)
            print("still open:", not w.is_closing())
            w.write(b"hello?")
            print("closing:", w.is_closing())
            for name, op in (("read", r.read), ("drain", w.drain), ("wait_closed", w.wait_closed)):
                try:
                    print(name, await op())
                except OSError as e:
                    print(name, type(e).__name__, e)
    asyncio.run(main())
    `,
    async () => {
      const rude = async (_reader: R, writer: W) => {
        writer.close();
        await writer.waitClosed();
        print("server closed");
      };
      await using _s = await asyncio.startServer(rude, "127.0.0.1", 7102);
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7102);
      await asyncio.sleep(0.1);
      print("read:", await r.read(), w.isClosing());
      w.write("anyone?");
      await w.drain();
      print("written", w.isClosing());
      await asyncio.sleep(0.1);
      print("still open:", !w.isClosing());
      w.write("hello?");
      print("closing:", w.isClosing());
      const ops = [
        ["read", () => r.read()],
        ["drain", () => w.drain()],
        ["wait_closed", () => w.waitClosed()],
      ] as const;
      for (const [name, op] of ops) {
        try {
          print(name, await op());
        } catch (e) {
          if (!(e instanceof asyncio.OSError)) throw e;
          print(name, e.name, e.message);
        }
      }
    },
  );
});
