import * as asyncio from "asyncio";
import * as simulated from "simulated";

simulated.network({ bandwidth: 100_000 }); // 100 kB per second
const CHUNK = "x".repeat(32_768); // 32 KiB

async function sink(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const data = await reader.read(); // everything, until the client is done
  print(`server: received ${Math.floor(data.length / 1024)} KiB`);
  writer.close();
  await writer.waitClosed();
}

async function main() {
  await using _server = await asyncio.startServer(sink, "127.0.0.1", 8888);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  let peak = 0;
  for (let i = 0; i < 10; i++) {
    writer.write(CHUNK);
    await writer.drain(); // waits while more than 64 KiB is buffered
    peak = Math.max(peak, writer.transport.getWriteBufferSize());
  }
  print(`client: peak buffer ${Math.floor(peak / 1024)} KiB`);
  writer.writeEof();
  await reader.read(); // empty when the server closes its side
  writer.close();
  await writer.waitClosed();
}

asyncio.run(main);
