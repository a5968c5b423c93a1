/**
 * Streams on the simulated network: reading (readline, read, readexactly, readuntil and their
 * ends), closing, the server's life, and errors, each checked against CPython running the same
 * program on the recorder's network.
 */
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;
type R = asyncio.StreamReader;
type W = asyncio.StreamWriter;

test("readline, read(n), read(), readuntil and readexactly, each at the end of the stream", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def handle(reader, writer):
        writer.write(b"one\\ntwo\\nthree;four")
        await asyncio.sleep(0.1)
        writer.write(b"56789")
        writer.close()
        await writer.wait_closed()
    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 7000)
        async with server:
            r, w = await asyncio.open_connection("127.0.0.1", 7000)
            print(await r.readline())
            print(await r.read(2))
            print(await r.read(100))
            print(await r.readuntil(b";"))
            print(await r.readexactly(3))
            try:
                await r.readuntil(b"!")
            except asyncio.IncompleteReadError as e:
                print(type(e).__name__, e, e.partial, e.expected)
            print(await r.readline(), await r.read(), await r.read(5), r.at_eof())
            try:
                await r.readexactly(1)
            except asyncio.IncompleteReadError as e:
                print(e, e.partial, e.expected)
            print(await r.readexactly(0), await r.read(0))
            w.close()
            await w.wait_closed()
    asyncio.run(main())
    `,
    async () => {
      const handle = async (_reader: R, writer: W) => {
        writer.write("one\ntwo\nthree;four");
        await asyncio.sleep(0.1);
        writer.write("56789");
        writer.close();
        await writer.waitClosed();
      };
      await using _server = await asyncio.startServer(handle, "127.0.0.1", 7000);
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7000);
      print(await r.readline());
      print(await r.read(2));
      print(await r.read(100));
      print(await r.readuntil(";"));
      print(await r.readexactly(3));
      try {
        await r.readuntil("!");
      } catch (e) {
        if (!(e instanceof asyncio.IncompleteReadError)) throw e;
        print(e.name, e.message, e.partial, e.expected);
      }
      print(await r.readline(), await r.read(), await r.read(5), r.atEof());
      try {
        await r.readexactly(1);
      } catch (e) {
        if (!(e instanceof asyncio.IncompleteReadError)) throw e;
        print(e.message, e.partial, e.expected);
      }
      print(await r.readexactly(0), await r.read(0));
      w.close();
      await w.waitClosed();
    },
  );
});

test("async for over a reader, write_eof, peername and sockname, bytes with quotes and escapes", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def handle(reader, writer):
        async for line in reader:
            writer.write(line[::-1].strip() + b"\\n")
        print("server: end of stream; can still write:", not writer.is_closing())
        writer.write(b"it's \\"done\\"\\t\\x00\\n")
        writer.close()
        await writer.wait_closed()
    async def main():
        server = await asyncio.start_server(handle, "localhost", 7001)
        async with server:
            print(server.sockets[0].getsockname(), server.is_serving())
            r, w = await asyncio.open_connection("127.0.0.1", 7001)
            print(w.get_extra_info("peername"), w.get_extra_info("sockname"), w.get_extra_info("x", 5))
            w.writelines([b"abc\\n", b"xyz\\n"])
            w.write_eof()
            print(w.can_write_eof(), w.is_closing())
            async for line in r:
                print(line)
            w.close()
            await w.wait_closed()
        print(server.is_serving(), server.sockets)
    asyncio.run(main())
    `,
    async () => {
      const handle = async (reader: R, writer: W) => {
        for await (const line of reader) {
          writer.write(`${line.decode().split("").reverse().join("").trim()}\n`);
        }
        print("server: end of stream; can still write:", !writer.isClosing());
        writer.write(`it's "done"\t\x00\n`);
        writer.close();
        await writer.waitClosed();
      };
      const server = await asyncio.startServer(handle, "localhost", 7001);
      {
        await using _s = server;
        print((server.sockets[0] as asyncio.ListeningSocket).getsockname(), server.isServing());
        const [r, w] = await asyncio.openConnection("127.0.0.1", 7001);
        print(w.getExtraInfo("peername"), w.getExtraInfo("sockname"), w.getExtraInfo("x", 5));
        w.writelines(["abc\n", "xyz\n"]);
        w.writeEof();
        print(w.canWriteEof(), w.isClosing());
        for await (const line of r) print(line);
        w.close();
        await w.waitClosed();
      }
      print(server.isServing(), server.sockets);
    },
  );
});

test("refused connection, address in use, and a handler's error reported by the loop", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def bad(reader, writer):
        await reader.readline()
        raise ValueError("bad request")
    async def main():
        try:
            await asyncio.open_connection("127.0.0.1", 7002)
        except ConnectionRefusedError as e:
            print(type(e).__name__, e.errno, e)
        server = await asyncio.start_server(bad, "127.0.0.1", 7002)
        try:
            await asyncio.start_server(bad, None, 7002)
        except OSError as e:
            print(type(e).__name__, e.errno, e)
        async with server:
            r, w = await asyncio.open_connection("127.0.0.1", 7002)
            w.write(b"hi\\n")
            print("after the error:", await r.read())
            w.close()
            await w.wait_closed()
    asyncio.run(main())
    `,
    async () => {
      const bad = async (reader: R, _writer: W) => {
        await reader.readline();
        throw new asyncio.ValueError("bad request");
      };
      try {
        await asyncio.openConnection("127.0.0.1", 7002);
      } catch (e) {
        if (!(e instanceof asyncio.ConnectionRefusedError)) throw e;
        print(e.name, e.errno, e.message);
      }
      const server = await asyncio.startServer(bad, "127.0.0.1", 7002);
      try {
        await asyncio.startServer(bad, null, 7002);
      } catch (e) {
        if (!(e instanceof asyncio.OSError)) throw e;
        print(e.name, e.errno, e.message);
      }
      await using _s = server;
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7002);
      w.write("hi\n");
      print("after the error:", await r.read());
      w.close();
      await w.waitClosed();
    },
  );
});

test("serve_forever until cancelled closes the server; a new connection is then refused", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def hello(reader, writer):
        writer.write(b"hello\\n")
        writer.close()
        await writer.wait_closed()
    async def main():
        server = await asyncio.start_server(hello, "127.0.0.1", 7003)
        serving = asyncio.create_task(server.serve_forever())
        r, w = await asyncio.open_connection("127.0.0.1", 7003)
        print(await r.readline())
        w.close()
        await w.wait_closed()
        serving.cancel()
        try:
            await serving
        except asyncio.CancelledError:
            print("serve_forever cancelled; serving:", server.is_serving())
        try:
            await asyncio.open_connection("127.0.0.1", 7003)
        except ConnectionRefusedError as e:
            print(e)
        await server.wait_closed()
        print("closed")
    asyncio.run(main())
    `,
    async () => {
      const hello = async (_reader: R, writer: W) => {
        writer.write("hello\n");
        writer.close();
        await writer.waitClosed();
      };
      const server = await asyncio.startServer(hello, "127.0.0.1", 7003);
      const serving = asyncio.createTask(() => server.serveForever());
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7003);
      print(await r.readline());
      w.close();
      await w.waitClosed();
      serving.cancel();
      try {
        await serving;
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("serve_forever cancelled; serving:", server.isServing());
      }
      try {
        await asyncio.openConnection("127.0.0.1", 7003);
      } catch (e) {
        if (!(e instanceof asyncio.ConnectionRefusedError)) throw e;
        print(e.message);
      }
      await server.waitClosed();
      print("closed");
    },
  );
});

test("a line longer than the reader's limit: readline raises ValueError, and the stream goes on", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    async def handle(reader, writer):
        writer.write(b"x" * 30 + b"\\nshort\\n" + b"y" * 40)
        writer.write_eof()
        await reader.read()
        writer.close()
        await writer.wait_closed()
    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 7004, start_serving=False)
        print(server.is_serving())
        await server.start_serving()
        async with server:
            r, w = await asyncio.open_connection("127.0.0.1", 7004, limit=16)
            await asyncio.sleep(0.1)
            for _ in range(3):
                try:
                    print(await r.readline())
                except ValueError as e:
                    print(type(e).__name__, e)
            try:
                await r.readuntil(b"zz")
            except asyncio.LimitOverrunError as e:
                print(type(e).__name__, e, e.consumed)
            except asyncio.IncompleteReadError as e:
                print(type(e).__name__, e)
            w.close()
            await w.wait_closed()
    asyncio.run(main())
    `,
    async () => {
      const handle = async (reader: R, writer: W) => {
        writer.write(`${"x".repeat(30)}\nshort\n${"y".repeat(40)}`);
        writer.writeEof();
        await reader.read();
        writer.close();
        await writer.waitClosed();
      };
      const server = await asyncio.startServer(handle, "127.0.0.1", 7004, { startServing: false });
      print(server.isServing());
      await server.startServing();
      await using _s = server;
      const [r, w] = await asyncio.openConnection("127.0.0.1", 7004, { limit: 16 });
      await asyncio.sleep(0.1);
      for (let i = 0; i < 3; i++) {
        try {
          print(await r.readline());
        } catch (e) {
          if (!(e instanceof asyncio.ValueError)) throw e;
          print(e.name, e.message);
        }
      }
      try {
        await r.readuntil("zz");
      } catch (e) {
        if (e instanceof asyncio.LimitOverrunError) print(e.name, e.message, e.consumed);
        else if (e instanceof asyncio.IncompleteReadError) print(e.name, e.message);
        else throw e;
      }
      w.close();
      await w.waitClosed();
    },
  );
});
