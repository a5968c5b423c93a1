import * as asyncio from "asyncio";

async function worker(taskId: number): Promise<number> {
  await asyncio.sleep(0.2 * (taskId + 1)); // 0.2 s to 1.0 s
  print(`Task ${taskId} completed`);
  return taskId * 10;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const tasks = [0, 1, 2, 3, 4].map((i) => () => worker(i));
  const results = await asyncio.gather(...tasks);
  print(results);
  print(`took ${(loop.time() - start).toFixed(1)}s`);
}

asyncio.run(main);
