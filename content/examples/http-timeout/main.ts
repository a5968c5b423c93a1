import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

async function fetch(session: aiohttp.ClientSession, path: string) {
  const url = `https://httpbin.test${path}`;
  try {
    await using resp = await session.get(url);
    await resp.read();
    print(`${path}: ${resp.status}`);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`${path}: timed out`);
  }
}

async function main() {
  const timeout = new aiohttp.ClientTimeout({ total: 1.5 });
  await using session = new aiohttp.ClientSession({ timeout });
  await asyncio.gather(
    () => fetch(session, "/delay/1"),
    () => fetch(session, "/delay/3"),
  );
  // one request may override the session's limit
  try {
    await using resp = await session.get("https://httpbin.test/delay/2", { timeout: 5 });
    print("/delay/2 with 5 s:", resp.status);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("/delay/2 with 5 s: timed out");
  }
}

asyncio.run(main);
