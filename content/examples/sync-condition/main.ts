import * as asyncio from "asyncio";

async function consumer(cond: asyncio.Condition, items: number[], name: string, need: number) {
  await using _ = await cond.hold();
  // releases the lock while it waits; holds it again when it returns
  await cond.waitFor(() => items.length >= need);
  const taken = items.splice(0, need);
  print(`${name} takes`, taken);
}

async function producer(cond: asyncio.Condition, items: number[]) {
  for (let i = 1; i < 6; i++) {
    await asyncio.sleep(0.5); // making the next item
    await using _ = await cond.hold();
    items.push(i);
    print(`put ${i}`);
    cond.notifyAll(); // every waiter checks its condition again
  }
}

async function main() {
  const cond = new asyncio.Condition();
  const items: number[] = [];
  await asyncio.TaskGroup.run(async (tg) => {
    tg.createTask(() => consumer(cond, items, "a", 2));
    tg.createTask(() => consumer(cond, items, "b", 3));
    tg.createTask(() => producer(cond, items));
  });
}

asyncio.run(main);
