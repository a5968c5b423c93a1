import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

simulated.http({ latency: 0.1, jitter: 0.2, seed: 1 });

const URL = "https://httpbin.test/post";

type Session = aiohttp.ClientSession;

async function oneRequest(session: Session, client: number) {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  {
    await using resp = await session.post(URL, {
      json: { client },
    });
    await resp.read();
  }
  return loop.time() - start;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const ids = [...Array(10).keys()];
  let latencies: number[];
  {
    await using session = new aiohttp.ClientSession();
    latencies = await asyncio.gather(...ids.map((c) => () => oneRequest(session, c)));
  }
  const total = loop.time() - start;
  print(latencies.map((x) => x.toFixed(2)).join(" "));
  const sum = latencies.reduce((a, b) => a + b, 0);
  const avg = sum / latencies.length;
  const min = Math.min(...latencies);
  const max = Math.max(...latencies);
  const f = (x: number) => x.toFixed(3);
  print(`min ${f(min)}s  avg ${f(avg)}s  max ${f(max)}s`);
  const rate = latencies.length / total;
  const took = total.toFixed(3);
  print(`10 requests in ${took}s: ${rate.toFixed(1)} req/s`);
}

asyncio.run(main);
