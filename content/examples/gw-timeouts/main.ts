import * as asyncio from "asyncio";

async function slowQuery(name: string) {
  try {
    await asyncio.sleep(5);
    return "rows";
  } finally {
    print(`${name}: cleaned up`);
  }
}

async function main() {
  try {
    await asyncio.waitFor(() => slowQuery("q1"), 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for: gave up after 1s");
  }

  try {
    // async with asyncio.timeout(1.5): the body is a callback.
    await asyncio.timeout(1.5, async () => {
      await slowQuery("q2");
      print("never printed");
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout(): gave up after 1.5s more");
  }
}

asyncio.run(main);
