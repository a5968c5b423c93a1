import * as asyncio from "asyncio";

const members = new Map<string, asyncio.StreamWriter>(); // in the order they joined

async function broadcast(sender: string, text: string) {
  for (const [name, writer] of [...members]) {
    if (name !== sender) {
      writer.write(`${sender}: ${text}\n`);
      await writer.drain();
    }
  }
}

async function handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) {
  const name = (await reader.readline()).decode().trim();
  members.set(name, writer);
  await broadcast(name, "(joined)");
  for await (const line of reader) {
    await broadcast(name, line.decode().trim());
  }
  members.delete(name);
  await broadcast(name, "(left)");
  writer.close();
  await writer.waitClosed();
}

async function listen(name: string, reader: asyncio.StreamReader) {
  for await (const line of reader) {
    print(`${name} sees ${line.decode().trim()}`);
  }
}

async function client(name: string, join: number, text: string, leave: number) {
  await asyncio.sleep(join);
  const [reader, writer] = await asyncio.openConnection("127.0.0.1", 8888);
  writer.write(`${name}\n`);
  const listener = asyncio.createTask(() => listen(name, reader));
  await asyncio.sleep(0.3);
  writer.write(`${text}\n`);
  await writer.drain();
  await asyncio.sleep(leave);
  writer.close();
  await writer.waitClosed();
  await listener;
}

async function main() {
  await using _server = await asyncio.startServer(handle, "127.0.0.1", 8888);
  await asyncio.TaskGroup.run(async (tg) => {
    tg.createTask(() => client("ann", 0.0, "hi all", 0.5));
    tg.createTask(() => client("bob", 0.1, "hello", 0.6));
    tg.createTask(() => client("cy", 0.2, "hey", 0.7));
  });
  await asyncio.sleep(0.1); // the last "left" reaches the server 10 ms later
}

asyncio.run(main);
