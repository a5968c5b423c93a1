import * as asyncio from "asyncio";
import * as simulated from "simulated";

simulated.network({ bandwidth: 100_000 }); // a slow link: 100 kB per second
const CHUNK = "x".repeat(32_768); // 32 KiB

async function sink(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const data = await reader.read(); // everything, until the client closes
  print(`server: received ${Math.floor(data.length / 1024)} KiB`);
  writer.close();
  await writer.waitClosed();
}

async function send(drain: boolean) {
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  for (let i = 1; i < 7; i++) {
    writer.write(CHUNK); // only buffers: never waits
    if (drain) {
      await writer.drain(); // waits while the buffer is over 64 KiB
    }
    const size = writer.transport.getWriteBufferSize();
    print(`chunk ${i}: ${Math.floor(size / 1024)} KiB waiting in the buffer`);
  }
  writer.writeEof(); // no more data: the server's read() ends once it has it all
  await reader.read(); // empty when the server closes its side
  writer.close();
  await writer.waitClosed();
}

async function main() {
  await using _server = await asyncio.startServer(sink, "127.0.0.1", 8888);
  print("without drain():");
  await send(false);
  print("with drain():");
  await send(true);
}

asyncio.run(main);
