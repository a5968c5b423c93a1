import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

// Not at home: 0.1-0.3 s a request, 5% dropped, seeded.
simulated.http({
  latency: 0.1,
  jitter: 0.2,
  failureRate: 0.05,
  seed: 7,
});

const URL = "https://httpbin.test/post";
const [REQUESTS, CONCURRENCY, EVERY] = [60, 4, 0.5];
const EDGES = [0.1, 0.15, 0.2, 0.25, 0.3];

/** Nearest rank: the smallest value >= 90% of them. */
function p90(values: number[]) {
  const ordered = [...values].sort((a, b) => a - b);
  return ordered[Math.ceil((9 * ordered.length) / 10) - 1]!;
}

class Stats {
  loop = asyncio.getRunningLoop();
  start = this.loop.time();
  latencies: number[] = [];
  failed = 0;

  report() {
    const [xs, now] = [this.latencies, this.loop.time()];
    const done = xs.length + this.failed;
    const rate = done / (now - this.start);
    print(
      `${(now - this.start).toFixed(1)}s ${done}/${REQUESTS}` +
        ` failed ${this.failed} ${rate.toFixed(1)} req/s`,
    );
    if (xs.length > 0) {
      const avg = xs.reduce((a, b) => a + b, 0) / xs.length;
      const [min, max] = [Math.min(...xs), Math.max(...xs)];
      print(
        `  min ${min.toFixed(3)} avg ${avg.toFixed(3)}` +
          ` p90 ${p90(xs).toFixed(3)} max ${max.toFixed(3)}`,
      );
    }
    for (let b = 0; b + 1 < EDGES.length; b++) {
      const [lo, hi] = [EDGES[b]!, EDGES[b + 1]!];
      const n = xs.filter((x) => lo <= x && x < hi).length;
      const bucket = `${lo.toFixed(2)}-${hi.toFixed(2)}s`;
      print(`  ${bucket} ${"█".repeat(n)} ${n}`);
    }
  }
}

async function client(
  session: aiohttp.ClientSession,
  sem: asyncio.Semaphore,
  stats: Stats,
  i: number,
) {
  await using _slot = await sem.hold();
  const start = stats.loop.time();
  try {
    await using r = await session.post(URL, { json: { i } });
    await r.read();
  } catch (e) {
    if (!(e instanceof aiohttp.ClientError)) throw e;
    stats.failed += 1;
    return;
  }
  stats.latencies.push(stats.loop.time() - start);
}

async function reporter(stats: Stats) {
  while (true) {
    await asyncio.sleep(EVERY);
    stats.report();
  }
}

async function main() {
  const stats = new Stats();
  const sem = new asyncio.Semaphore(CONCURRENCY);
  const ids = [...Array(REQUESTS).keys()];
  const progress = asyncio.createTask(() => reporter(stats));
  {
    await using session = new aiohttp.ClientSession();
    await asyncio.gather(...ids.map((i) => () => client(session, sem, stats, i)));
  }
  progress.cancel();
  print("final report");
  stats.report();
}

asyncio.run(main);
