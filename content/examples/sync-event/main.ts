import * as asyncio from "asyncio";

const config: Record<string, string> = {};

async function worker(name: string, ready: asyncio.Event) {
  print(`${name} waits for the config`);
  await ready.wait(); // returns at once if the event is already set
  print(`${name} starts in ${config.mode} mode`);
}

async function main() {
  const ready = new asyncio.Event();
  await asyncio.TaskGroup.run(async (tg) => {
    tg.createTask(() => worker("w1", ready));
    tg.createTask(() => worker("w2", ready));
    await asyncio.sleep(1); // loading the config
    config.mode = "fast";
    print("config loaded");
    ready.set(); // wakes every waiter; it stays set
    await asyncio.sleep(0.5);
    tg.createTask(() => worker("w3", ready));
  });
}

asyncio.run(main);
