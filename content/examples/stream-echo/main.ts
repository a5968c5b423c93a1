import * as asyncio from "asyncio";

async function handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const line = await reader.readline(); // waits for "...\n"
  print(`server: got ${line}`);
  writer.write(line.decode().toUpperCase());
  await writer.drain();
  writer.close();
  await writer.waitClosed();
  print("server: closed");
}

async function main() {
  await using _server = await asyncio.startServer(handle, "127.0.0.1", 8888);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  print("client: connected");
  writer.write("hello\n");
  await writer.drain();
  const reply = await reader.readline();
  print(`client: got ${reply}`);
  print(`client: then ${await reader.readline()}`); // b"": the server closed
  writer.close();
  await writer.waitClosed();
  print("client: closed");
}

asyncio.run(main);
