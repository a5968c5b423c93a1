import * as asyncio from "asyncio";

async function save(order: string) {
  print(`save: writing ${order}`);
  await asyncio.sleep(2);
  print(`save: ${order} is on disk`);
}

async function handleRequest() {
  await asyncio.shield(() => save("order #42"));
  print("handler: replying"); // never printed
}

async function main() {
  const handler = asyncio.createTask(() => handleRequest());
  await asyncio.sleep(1);
  handler.cancel(); // the client hung up
  try {
    await handler;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: handler cancelled");
  }
  await asyncio.sleep(1.5); // the save goes on
  print("main: exiting");
}

asyncio.run(main);
