import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

// The report takes five seconds; we will not wait more than one.
async function main() {
  const timeout = new aiohttp.ClientTimeout({ total: 1 });
  await using session = new aiohttp.ClientSession({ timeout });
  try {
    await using resp = await session.get("https://httpbin.test/delay/5");
    print("report:", resp.status);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("gave up");
  }
}

asyncio.run(main);
