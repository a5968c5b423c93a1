import * as asyncio from "asyncio";

async function exampleCoroutine(): Promise<string> {
  print("coroutine: started");
  await asyncio.sleep(1);
  print("coroutine: finished");
  return "Hello, Async!";
}

async function main() {
  // Pass a function: the task calls it when it first runs.
  const task = asyncio.createTask(() => exampleCoroutine());
  print("main: task created, done?", task.done());
  const result = await task;
  print("main: got", result);
}

asyncio.run(main);
