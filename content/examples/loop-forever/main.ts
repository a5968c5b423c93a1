import * as asyncio from "asyncio";

async function main() {
  await asyncio.sleep(1);
  print("hello");
  await asyncio.sleep(2);
  print("world");
  return "done";
}

// This port has no loop to drive by hand: asyncio.run makes the loop, runs its coroutine as
// Task-1, stops when it is done and closes the loop, the steps the Python program takes itself.
asyncio.run(async () => {
  const loop = asyncio.getRunningLoop();
  asyncio.currentTask()?.addDoneCallback((task) => {
    print(`main returned '${task.result()}', stopping the loop`);
  });
  loop.callLater(0.5, print, "a callback, outside any task");
  return await main();
});
