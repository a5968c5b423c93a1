import * as asyncio from "asyncio";
import * as testrun from "testrun";
import { AsyncMock } from "unittest.mock";

class ConnectionError extends Error {}
class AssertionError extends Error {}

function assert(condition: boolean) {
  if (!condition) throw new AssertionError(); // Python's `assert`
}

// The code under test: it talks to an HTTP client that has async methods.
type Client = AsyncMock<"get" | "post">;

async function getProfile(client: Client, userId: number) {
  try {
    return await client.get(`/users/${userId}`);
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    await asyncio.sleep(1); // one retry, a second later
    return await client.get(`/users/${userId}`);
  }
}

async function rename(client: Client, userId: number, name: string) {
  client.post(`/users/${userId}`, { name }); // bug: never awaited
  return name;
}

// The tests: an AsyncMock stands in for the client.
async function test_returns_the_profile() {
  const client: Client = new AsyncMock<"get" | "post">();
  client.get.returnValue = { name: "Ada" };
  assert((await getProfile(client, 7)).name === "Ada");
  client.get.assertAwaitedOnceWith("/users/7");
}

async function test_retries_once_after_a_connection_error() {
  const client: Client = new AsyncMock<"get" | "post">();
  client.get.sideEffect = [new ConnectionError("reset"), { name: "Ada" }];
  assert((await getProfile(client, 7)).name === "Ada");
  assert(client.get.awaitCount === 2);
}

async function test_gives_up_after_the_retry() {
  const client: Client = new AsyncMock<"get" | "post">();
  client.get.sideEffect = new ConnectionError("down");
  try {
    await getProfile(client, 7);
  } catch (e) {
    if (e instanceof ConnectionError) print("raised:", e.message);
  }
  assert(client.get.awaitCount === 2);
}

async function test_slow_server() {
  const slowGet = async (url: string) => {
    await asyncio.sleep(2);
    return { name: "Ada", url };
  };
  const client: Client = new AsyncMock<"get" | "post">();
  client.get.sideEffect = slowGet;
  print(await getProfile(client, 7));
}

async function test_rename_saves_the_name() {
  const client: Client = new AsyncMock<"get" | "post">();
  assert((await rename(client, 7, "Grace")) === "Grace");
  client.post.assertAwaitedOnceWith("/users/7", { name: "Grace" });
}

await testrun.run(
  test_returns_the_profile,
  test_retries_once_after_a_connection_error,
  test_gives_up_after_the_retry,
  test_slow_server,
  test_rename_saves_the_name,
);
