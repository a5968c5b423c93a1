import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

// At home this is your server. Here: 0.1-0.3 s per request,
// with a seeded jitter, so every run gives the same numbers.
simulated.http({ latency: 0.1, jitter: 0.2, seed: 1 });

const URL = "https://httpbin.test/post";

async function main() {
  const loop = asyncio.getRunningLoop();
  await using session = new aiohttp.ClientSession();
  const start = loop.time();
  let status: number;
  let body: { json: { id: number } };
  {
    await using resp = await session.post(URL, {
      json: { id: 1 },
    });
    status = resp.status;
    body = (await resp.json()) as typeof body;
  }
  const latency = loop.time() - start;
  print(`status ${status}, echoed id ${body.json.id}`);
  print(`latency ${latency.toFixed(3)}s`);
}

asyncio.run(main);
