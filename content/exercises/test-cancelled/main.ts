import * as asyncio from "asyncio";
import * as testrun from "testrun";
import { IsolatedAsyncioTestCase } from "unittest";
import { AsyncMock } from "unittest.mock";

/** Downloads `url`. The client must be closed however this ends. */
async function download(client: AsyncMock<"get" | "close">, url: string) {
  let data: unknown;
  try {
    data = await client.get(url);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    return null;
  }
  await client.close();
  return data;
}

class DownloadTests extends IsolatedAsyncioTestCase {
  client = new AsyncMock<"get" | "close">();

  override async asyncSetUp() {
    const hang = async (_url: string) => {
      await asyncio.sleep(3600);
    };
    this.client.get.sideEffect = hang;
  }

  async test_cancel_propagates_and_closes() {
    const task = asyncio.createTask(() => download(this.client, "/big"));
    await asyncio.sleep(1);
    task.cancel();
    await this.assertRaises(asyncio.CancelledError, () => task);
    this.client.close.assertAwaitedOnce();
  }

  async test_timeout_raises_and_closes() {
    await this.assertRaises(asyncio.TimeoutError, () =>
      asyncio.waitFor(() => download(this.client, "/big"), 5),
    );
    this.client.close.assertAwaitedOnce();
  }
}

await testrun.run(DownloadTests);
