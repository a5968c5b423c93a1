import * as asyncio from "asyncio";

const lastWrites: asyncio.Task<void>[] = [];

async function save(what: string) {
  await asyncio.sleep(0.3); // one round trip to the database
  print(`saved ${what}`);
}

async function job(name: string, shielded: boolean) {
  let done = 0;
  try {
    while (true) {
      await asyncio.sleep(0.2);
      done += 1;
    }
  } finally {
    print(`${name}: stopped after ${done} items, saving`);
    if (shielded) {
      const write = asyncio.createTask(() => save(`${name}'s ${done} items`));
      lastWrites.push(write);
      await asyncio.shield(write);
    } else {
      await save(`${name}'s ${done} items`);
    }
  }
}

async function stop(task: asyncio.Task<void>, name: string) {
  task.cancel();
  try {
    await asyncio.waitFor(task, 0.1); // its cleanup gets 0.1 s, no more
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`gave up waiting for ${name}`);
  }
}

async function main() {
  const plain = asyncio.createTask(() => job("plain", false));
  const shielded = asyncio.createTask(() => job("shielded", true));
  await asyncio.sleep(1.05);
  await stop(plain, "plain");
  await stop(shielded, "shielded");
  await asyncio.gather(...lastWrites); // the writes that outlived their task
  print("main returns");
}

asyncio.run(main);
