import * as asyncio from "asyncio";

/** A message: its length in 4 bytes (big-endian), then its bytes. */
function frame(text: string, size?: number): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, size ?? body.length); // big-endian
  out.set(body, 4);
  return out;
}

async function handle(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  writer.write(frame("hello"));
  writer.write(frame("asyncio"));
  writer.write(frame("cut", 10)); // promises 10 bytes, sends 3
  writer.close();
  await writer.waitClosed();
}

async function main() {
  await using _server = await asyncio.startServer(handle, "127.0.0.1", 8888);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  try {
    while (true) {
      const head = await reader.readexactly(4);
      const size = new DataView(head.buffer).getUint32(0);
      const body = await reader.readexactly(size);
      print(`${size} bytes: ${body.decode()}`);
    }
  } catch (e) {
    if (!(e instanceof asyncio.IncompleteReadError)) throw e;
    print(`IncompleteReadError: ${e.message}`);
    print(`partial=${e.partial} expected=${e.expected}`);
  }
  print(`at_eof: ${reader.atEof() ? "True" : "False"}, readline: ${await reader.readline()}`);
  writer.close();
  await writer.waitClosed();
}

asyncio.run(main);
