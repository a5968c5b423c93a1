import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

// Each page takes a second on the server.
async function fetchPage(session: aiohttp.ClientSession, n: number) {
  await using resp = await session.get(`https://httpbin.test/delay/1?page=${n}`);
  print(`page ${n}: ${resp.status}`);
  return resp.status;
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const statuses: number[] = [];
  for (const n of [1, 2, 3]) {
    statuses.push(await fetchPage(session, n));
  }
  print(`got ${statuses.length} pages`);
}

asyncio.run(main);
