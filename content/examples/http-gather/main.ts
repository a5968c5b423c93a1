import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

const BASE = "https://httpbin.test";

async function fetch(session: aiohttp.ClientSession, path: string) {
  await using resp = await session.get(BASE + path);
  const text = await resp.text();
  print(`${path}: ${resp.status}, ${text.length} chars`);
  return resp.status;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const paths = ["/delay/2", "/delay/1", "/uuid", "/status/404"];
  let statuses: number[];
  {
    await using session = new aiohttp.ClientSession();
    statuses = await asyncio.gather(...paths.map((p) => () => fetch(session, p)));
  }
  print(statuses);
  print(`total ${(loop.time() - start).toFixed(2)}s`);
}

asyncio.run(main);
