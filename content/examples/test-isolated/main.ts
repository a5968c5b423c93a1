import * as asyncio from "asyncio";
import * as testrun from "testrun"; // the site's runner, with pytest's summary
import { IsolatedAsyncioTestCase } from "unittest";

/** A stand-in for a real client: connecting, querying and closing take time. */
class Database {
  async connect() {
    await asyncio.sleep(0.1);
    print("connected");
  }

  async fetchUser(userId: number) {
    await asyncio.sleep(0.05);
    return { id: userId, name: "Ada" };
  }

  async close() {
    await asyncio.sleep(0.1);
    print("closed");
  }
}

async function heartbeat() {
  try {
    while (true) {
      await asyncio.sleep(1);
      print("heartbeat");
    }
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("heartbeat cancelled");
    throw e;
  }
}

class UserTests extends IsolatedAsyncioTestCase {
  db = new Database();

  override async asyncSetUp() {
    await this.db.connect();
    this.addAsyncCleanup(() => this.db.close());
  }

  override async asyncTearDown() {
    print("tearDown");
  }

  async test_fetch_user() {
    const user = await this.db.fetchUser(7);
    this.assertEqual(user.name, "Ada");
  }

  async test_leaves_a_task_running() {
    asyncio.createTask(heartbeat);
    await asyncio.sleep(2.5);
    print("test done");
  }
}

await testrun.run(UserTests);
