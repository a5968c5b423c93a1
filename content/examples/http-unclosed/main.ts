import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

async function main() {
  const session = new aiohttp.ClientSession();
  const url = "https://httpbin.test/get";
  {
    await using resp = await session.get(url);
    print("status", resp.status);
  }

  session.close(); // wrong: a lazy call, never run
  print("closed?", session.closed);

  await session.close(); // right
  print("closed?", session.closed);
}

asyncio.run(main);
