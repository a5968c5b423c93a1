import * as asyncio from "asyncio";

async function hello1(a: number, b: number): Promise<number> {
  await asyncio.sleep(3);
  return a + b;
}

// Make the task first, run the loop later? No loop runs yet.
try {
  asyncio.createTask(() => hello1(10, 5));
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  print("create_task before the loop:", e.message);
}

async function main() {
  // Inside a coroutine the loop is running: this works.
  const task = asyncio.createTask(() => hello1(10, 5));
  await task;
  print("task.result():", task.result());
}

asyncio.run(main);
