import * as asyncio from "asyncio";

async function worker(taskId: number): Promise<string> {
  await asyncio.sleep(1);
  return `Task ${taskId} completed`;
}

async function main() {
  // Given a coroutine: a new task, like createTask.
  const task1 = asyncio.ensureFuture(() => worker(1));
  const task2 = asyncio.ensureFuture(() => worker(2));
  await asyncio.gather(task1, task2);
  print(task1.result(), task2.result());
  // Given a future or task: that same object.
  print("same task:", asyncio.ensureFuture(task1) === task1);
}

asyncio.run(main);
