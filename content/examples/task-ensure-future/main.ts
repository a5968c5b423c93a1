import * as asyncio from "asyncio";

async function worker(taskId: number): Promise<string> {
  await asyncio.sleep(1);
  return `Task ${taskId} completed`;
}

async function main() {
  // For a coroutine, ensureFuture does what createTask does: wrap it in a new task.
  const task1 = asyncio.ensureFuture(() => worker(1));
  const task2 = asyncio.ensureFuture(() => worker(2));
  await asyncio.gather(task1, task2);
  print(task1.result(), task2.result());
  // For something that is already a future, it returns it unchanged.
  print("ensure_future(task1) is task1:", asyncio.ensureFuture(task1) === task1);
}

asyncio.run(main);
