import * as asyncio from "asyncio";

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  return `${name} (${delay}s)`;
}

async function main() {
  // gather: awaitables as separate arguments; returns their results, in order.
  const t1 = asyncio.createTask(() => job("A", 2));
  const t2 = asyncio.createTask(() => job("B", 1));
  const results = await asyncio.gather(t1, t2);
  print("gather returned", results);

  // wait: one iterable of tasks; returns two sets of tasks, { done, pending }.
  const tasks = [asyncio.createTask(() => job("C", 2)), asyncio.createTask(() => job("D", 1))];
  const { done, pending } = await asyncio.wait(tasks);
  print("wait returned", done.size, "done and", pending.size, "pending");
  // Sets have no order: read each task's result, in the order you choose.
  print(
    "results:",
    tasks.map((task) => task.result()),
  );
}

asyncio.run(main);
