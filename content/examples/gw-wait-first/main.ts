import * as asyncio from "asyncio";

async function job(delay: number) {
  await asyncio.sleep(delay);
  print(`finished after ${delay}s`);
}

function names(tasks: Set<asyncio.Future<void>>): string[] {
  return [...tasks].map((task) => (task as asyncio.Task<void>).getName()).sort();
}

async function main() {
  const tasks = [
    asyncio.createTask(() => job(2), { name: "A" }),
    asyncio.createTask(() => job(1), { name: "B" }),
    asyncio.createTask(() => job(3), { name: "C" }),
  ];
  let { done, pending } = await asyncio.wait(tasks, {
    returnWhen: asyncio.FIRST_COMPLETED,
  });
  print("first completed:", names(done), "pending:", names(pending));

  ({ done, pending } = await asyncio.wait(pending, { timeout: 1.5 }));
  print("timeout: done", names(done), "still pending:", names(pending));

  for (const task of pending) {
    task.cancel(); // wait never cancels: that is our job
  }
  await asyncio.wait(tasks);
  print(
    "cancelled:",
    tasks.filter((task) => task.cancelled()).map((task) => task.getName()),
  );
}

asyncio.run(main);
