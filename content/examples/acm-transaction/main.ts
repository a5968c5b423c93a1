import * as asyncio from "asyncio";

// JavaScript has no @asynccontextmanager. The idiom that can see the block's
// error is a function that takes the block as a callback.
async function transaction(name: string, body: () => PromiseLike<void>): Promise<void> {
  print(`${name}: BEGIN`); // the set-up
  try {
    await body(); // the block runs here
  } catch (e) {
    await asyncio.sleep(0.1);
    print(`${name}: ROLLBACK`);
    throw e; // rethrown: the error goes on
  }
  await asyncio.sleep(0.1);
  print(`${name}: COMMIT`);
}

async function bestEffort(what: string, body: () => PromiseLike<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    // Not rethrown: suppressed.
    print(`${what}: too slow, skipped`);
  }
}

async function main() {
  await transaction("tx1", async () => {
    await asyncio.sleep(0.2);
    print("tx1: INSERT");
  });
  await bestEffort("tx2", () =>
    asyncio.timeout(0.5, () =>
      transaction("tx2", async () => {
        // A slow query, cancelled at 0.5 s.
        await asyncio.sleep(1);
        print("tx2: UPDATE");
      }),
    ),
  );
  print("main goes on");
}

asyncio.run(main);
