import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

// Every third request or so fails; seed: 3 makes it the same ones every run.
simulated.http({ failureRate: 0.3, seed: 3 });

async function fetchUrl(session: aiohttp.ClientSession, semaphore: asyncio.Semaphore, url: string) {
  await using _slot = await semaphore.hold(); // at most two requests at once
  print(`start ${url}`);
  await using response = await session.get(url);
  const text = await response.text();
  return `${url}: ${response.status}, ${text.length} chars`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const urls = [1, 2, 1].map((n) => `https://httpbin.test/delay/${n}`);
  urls.push("https://httpbin.test/uuid", "https://httpbin.test/status/404");
  const semaphore = new asyncio.Semaphore(2);
  let results: unknown[];
  {
    await using session = new aiohttp.ClientSession();
    const tasks = urls.map((url) => () => fetchUrl(session, semaphore, url));
    results = await asyncio.gather(...tasks, { returnExceptions: true });
  }
  for (const result of results) {
    print(result instanceof Error ? asyncio.pyRepr(result) : result);
  }
  print(`total ${(loop.time() - start).toFixed(2)}s`);
}

asyncio.run(main);
