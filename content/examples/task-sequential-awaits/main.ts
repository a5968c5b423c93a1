import * as asyncio from "asyncio";

async function longRunningTask(name: string, duration: number) {
  print(`${name} started`);
  await asyncio.sleep(duration);
  print(`${name} completed after ${duration} seconds`);
  return `Result from ${name}`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  // Scheduled here; neither has run a line yet.
  const task1 = asyncio.createTask(() => longRunningTask("download", 2));
  const task2 = asyncio.createTask(() => longRunningTask("upload", 3));

  // Awaited in turn; the tasks run side by side.
  const result1 = await task1;
  print(`main has ${asyncio.pyRepr(result1)}`);
  const result2 = await task2;
  print(`main has ${asyncio.pyRepr(result2)}`);

  print(`total: ${(loop.time() - start).toFixed(1)}s`);
}

asyncio.run(main);
