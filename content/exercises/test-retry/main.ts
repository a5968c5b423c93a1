import * as asyncio from "asyncio";
import * as testrun from "testrun";
import { AssertionError } from "unittest";
import { AsyncMock } from "unittest.mock";

class ConnectionError extends Error {}

/** Python's `assert condition, message`. */
function assert(condition: boolean, message?: string) {
  if (!condition) throw new AssertionError(message);
}

type Client = AsyncMock<"get">;

/** Tries up to `attempts` times, `backoff` seconds apart; raises the last error. */
async function fetchWithRetry(client: Client, url: string, attempts = 3, backoff = 1) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await client.get(url);
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      await asyncio.sleep(backoff);
    }
  }
  return undefined; // where Python's function ends, returning None
}

async function test_first_try() {
  const client = new AsyncMock<"get">();
  client.get.returnValue = "page";
  assert((await fetchWithRetry(client, "/")) === "page");
  client.get.assertAwaitedOnceWith("/");
}

async function test_third_try() {
  const client = new AsyncMock<"get">();
  client.get.sideEffect = [new ConnectionError("a"), new ConnectionError("b"), "page"];
  assert((await fetchWithRetry(client, "/")) === "page");
  assert(client.get.awaitCount === 3);
}

async function test_gives_up_with_the_last_error() {
  const client = new AsyncMock<"get">();
  client.get.sideEffect = new ConnectionError("down");
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  try {
    await fetchWithRetry(client, "/");
    throw new AssertionError("nothing raised");
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    print("raised:", e.message);
  }
  assert(client.get.awaitCount === 3);
  const waited = loop.time() - start;
  assert(waited === 2, `waited ${waited.toFixed(1)} s, not 2`);
}

await testrun.run(test_first_try, test_third_try, test_gives_up_with_the_last_error);
