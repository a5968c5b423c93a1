import * as asyncio from "asyncio";

async function hello1(a: number, b: number): Promise<number> {
  print("Hello world 01 begin");
  await asyncio.sleep(3);
  print("Hello again 01 end");
  return a + b;
}

async function fails(): Promise<never> {
  await asyncio.sleep(1);
  throw new asyncio.ValueError("bad input");
}

function callback(future: asyncio.Future<number>) {
  // Runs on the loop, outside any task.
  print("callback: result is", future.result());
}

async function main() {
  const task = asyncio.createTask(() => hello1(10, 5));
  task.addDoneCallback(callback);
  print("done?", task.done());
  try {
    task.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    print("result() too early: InvalidStateError");
  }

  await task;
  print("done?", task.done(), "| result:", task.result());
  print("exception:", task.exception());

  const bad = asyncio.createTask(() => fails());
  try {
    await bad;
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
  }
  print("bad task done?", bad.done());
  print("exception:", asyncio.pyRepr(bad.exception()));
}

asyncio.run(main);
