import * as asyncio from "asyncio";

async function hello1(a: number, b: number): Promise<number> {
  await asyncio.sleep(3);
  return a + b;
}

// The seed's order: make the task first, start the loop later. No loop is running yet.
try {
  asyncio.createTask(() => hello1(10, 5));
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  print("create_task before the loop:", e.message);
}

async function main() {
  const task = asyncio.createTask(() => hello1(10, 5)); // inside a coroutine: the loop is running
  await task;
  print("task.result():", task.result());
}

asyncio.run(main);
