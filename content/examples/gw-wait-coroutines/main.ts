import * as asyncio from "asyncio";

async function job(n: number) {
  await asyncio.sleep(1);
  return n;
}

async function main() {
  try {
    // @ts-expect-error: wait takes tasks, not functions (Python: bare coroutines)
    await asyncio.wait([() => job(1), () => job(2)]);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print("TypeError:", e.message);
  }

  const tasks = [asyncio.createTask(() => job(1)), asyncio.createTask(() => job(2))];
  const { done, pending } = await asyncio.wait(tasks); // tasks: fine
  print(done.size, "done,", pending.size, "pending");
}

asyncio.run(main);
