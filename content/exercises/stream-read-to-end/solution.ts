import * as asyncio from "asyncio";

async function news(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  for (let n = 1; n < 4; n++) {
    writer.write(`line ${n}\n`);
    await writer.drain();
    await asyncio.sleep(0.1); // the next one is not ready yet
  }
  writer.close();
  await writer.waitClosed();
}

async function main() {
  await using _server = await asyncio.startServer(news, "127.0.0.1", 8888);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  for await (const line of reader) {
    // each line as it arrives, until the server closes
    print(`got: ${line.decode().trim()}`);
  }
  print("server closed the connection");
  writer.close();
  await writer.waitClosed();
}

asyncio.run(main);
