import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

simulated.http({ latency: 0.1, jitter: 0.2, seed: 1 });

const URL = "https://httpbin.test/post";

async function oneRequest(
  session: aiohttp.ClientSession,
  client: number,
) {
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
  let latencies: number[];
  {
    await using session = new aiohttp.ClientSession();
    latencies = await asyncio.gather(
      ...[...Array(10).keys()].map(
        (c) => () => oneRequest(session, c),
      ),
    );
  }
  const total = loop.time() - start;
  print(latencies.map((x) => x.toFixed(2)).join(" "));
  const sum = latencies.reduce((a, b) => a + b, 0);
  const avg = sum / latencies.length;
  const min = Math.min(...latencies);
  const max = Math.max(...latencies);
  print(
    `min ${min.toFixed(3)}s  avg ${avg.toFixed(3)}s` +
      `  max ${max.toFixed(3)}s`,
  );
  const rate = latencies.length / total;
  print(
    `10 requests in ${total.toFixed(3)}s: ` +
      `${rate.toFixed(1)} req/s`,
  );
}

asyncio.run(main);
