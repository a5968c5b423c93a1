import * as asyncio from "asyncio";

async function worker(taskId: number): Promise<string> {
  await asyncio.sleep(1);
  return `Task ${taskId} completed`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const task1 = asyncio.createTask(() => worker(1));
  const task2 = asyncio.createTask(() => worker(2));
  await asyncio.gather(task1, task2);
  print(task1.result(), task2.result());
  print(`both done in ${(loop.time() - start).toFixed(1)}s`);
}

asyncio.run(main);
