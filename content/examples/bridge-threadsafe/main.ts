import * as asyncio from "asyncio";

const PRICES: Record<string, number> = { apple: 3, pear: 4 };

async function fetchPrice(item: string): Promise<number> {
  print(`fetching ${item}`);
  try {
    await asyncio.sleep(item === "pear" ? 5 : 0.5); // pear's server is slow
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${item}: cancelled`);
    throw e;
  }
  const price = PRICES[item];
  if (price === undefined) throw new asyncio.KeyError(item);
  return price;
}

// The program's own code. In Python a second thread runs the loop while this code keeps
// the main thread; here the loop runs beside it, and each blocking wait is an await.
const loop = asyncio.newEventLoop();
const thread = loop.runForever(); // threading.Thread(target=loop.run_forever).start()

for (const item of ["apple", "pear", "kiwi"]) {
  const future = asyncio.runCoroutineThreadsafe(() => fetchPrice(item), loop);
  try {
    const price = await future.result({ timeout: 2 }); // 2 s at most
    print(`${item}: ${price}`);
  } catch (e) {
    if (e instanceof asyncio.KeyError) {
      print(`${item}: no price (${asyncio.pyRepr(e)})`);
    } else if (e instanceof asyncio.TimeoutError) {
      print(`${item}: no answer after 2 s`);
      future.cancel(); // cancels the task on the loop
    } else {
      throw e;
    }
  }
}

loop.callSoonThreadsafe(() => loop.stop()); // the one safe way to stop it from outside
await thread; // thread.join()
print("loop stopped, thread ended");
loop.close();
