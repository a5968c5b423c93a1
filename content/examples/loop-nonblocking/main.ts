import * as asyncio from "asyncio";

async function taskFunc(): Promise<void> {
  await asyncio.sleep(1);
  print("task_func: sending the request");
  // stands in for an async HTTP client:
  // the loop runs the other tasks meanwhile
  await asyncio.sleep(2);
  print("task_func: got the response");
}

async function heartbeat(): Promise<void> {
  const loop = asyncio.getRunningLoop();
  let last = loop.time();
  for (let i = 1; i <= 6; i++) {
    await asyncio.sleep(0.4);
    const now = loop.time();
    print(`heartbeat ${i} (${(now - last).toFixed(1)} s gap)`);
    last = now;
  }
}

async function main() {
  await asyncio.gather(
    () => taskFunc(),
    () => heartbeat(),
  );
}

asyncio.run(main);
