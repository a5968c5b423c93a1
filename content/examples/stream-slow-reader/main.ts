import * as asyncio from "asyncio";

const LINE = `${"x".repeat(1023)}\n`; // 1 KiB

async function slowReader(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  let count = 0;
  while ((await reader.readline()).length > 0) {
    count += 1;
    await asyncio.sleep(0.01); // 10 ms a line: 100 KiB per second at most
  }
  print(`server: read ${count} lines`);
  writer.close();
  await writer.waitClosed();
}

async function main() {
  await using _server = await asyncio.startServer(slowReader, "127.0.0.1", 8888);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  writer.transport.setWriteBufferLimits({ high: 16_384 }); // low: a quarter, 4 KiB
  const [low, high] = writer.transport.getWriteBufferLimits();
  print(`limits (low, high): (${low}, ${high})`);
  for (let n = 1; n < 401; n++) {
    writer.write(LINE);
    await writer.drain(); // waits only while more than 16 KiB is buffered
    if (n % 50 === 0) print(`client: ${n} lines written`);
  }
  writer.writeEof();
  await reader.read(); // empty when the server closes its side
  writer.close();
  await writer.waitClosed();
}

asyncio.run(main);
