import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

simulated.http({ latency: 0.1, jitter: 0.2, seed: 1 });

const URL = "https://httpbin.test/post";
let inFlight = 0;
let peak = 0;

type Session = aiohttp.ClientSession;

async function oneRequest(session: Session, sem: asyncio.Semaphore, client: number) {
  const loop = asyncio.getRunningLoop();
  const queued = loop.time();
  let start: number;
  {
    await using _slot = await sem.hold(); // one of 4 slots
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    start = loop.time();
    {
      await using r = await session.post(URL, {
        json: { client },
      });
      await r.read();
    }
    inFlight -= 1;
  }
  const end = loop.time();
  return [end - start, end - queued] as const;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const sem = new asyncio.Semaphore(4);
  const ids = [...Array(20).keys()];
  let results: (readonly [number, number])[];
  {
    await using session = new aiohttp.ClientSession();
    results = await asyncio.gather(...ids.map((c) => () => oneRequest(session, sem, c)));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const latency = mean(results.map((r) => r[0]));
  const waited = mean(results.map((r) => r[1]));
  print(`at most ${peak} in flight`);
  print(`avg latency ${latency.toFixed(3)}s (the server)`);
  print(`avg time ${waited.toFixed(3)}s (with the queue)`);
  print(`20 requests in ${(loop.time() - start).toFixed(3)}s`);
}

asyncio.run(main);
