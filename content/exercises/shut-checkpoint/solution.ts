import * as asyncio from "asyncio";

const checkpoints: asyncio.Task<void>[] = [];

async function saveCheckpoint(position: number) {
  await asyncio.sleep(0.3); // a write to the database
  print(`checkpoint saved at row ${position}`);
}

async function importRows() {
  let position = 0;
  try {
    while (true) {
      await asyncio.sleep(0.1); // one row imported
      position += 1;
    }
  } finally {
    print(`import stopped at row ${position}`);
    const write = asyncio.createTask(() => saveCheckpoint(position));
    checkpoints.push(write);
    await asyncio.shield(write);
  }
}

async function main() {
  const importer = asyncio.createTask(() => importRows());
  await asyncio.sleep(1.05);
  importer.cancel();
  try {
    await asyncio.waitFor(importer, 0.2); // shutdown waits 0.2 s at most
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("shutdown: stopped waiting for the import");
  }
  await asyncio.gather(...checkpoints);
  print("shutdown: closing the database");
}

asyncio.run(main);
