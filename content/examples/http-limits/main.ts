import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

async function fetch(session: aiohttp.ClientSession, n: number, url: string) {
  await using resp = await session.get(url);
  await resp.read();
  print(`#${n} ${url.split("/")[2]} ${resp.status}`);
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const connector = new aiohttp.TCPConnector({
    limit: 3,
    limitPerHost: 2,
  });
  const urls = Array(4).fill("https://httpbin.test/delay/1");
  urls.push(...Array(2).fill("https://httpbin.org/delay/1"));
  {
    await using session = new aiohttp.ClientSession({ connector });
    await asyncio.TaskGroup.run(async (tg) => {
      urls.forEach((url, i) => {
        tg.createTask(() => fetch(session, i + 1, url));
      });
    });
  }
  print(`total ${(loop.time() - start).toFixed(2)}s`);
}

asyncio.run(main);
