import * as asyncio from "asyncio";

async function deliver(fut: asyncio.Future<number>, value: number) {
  await asyncio.sleep(1);
  print("deliver: setting the result");
  fut.setResult(value);
  print("deliver: result set, carrying on");
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<number>();
  const courier = asyncio.createTask(() => deliver(fut, 42));
  print("main: awaiting the future; done?", fut.done());
  const answer = await fut;
  print("main: got", answer, "| done?", fut.done());
  await courier;
}

asyncio.run(main);
