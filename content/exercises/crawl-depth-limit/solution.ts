import * as asyncio from "asyncio";

const SITE: Record<string, string[]> = {
  "/": ["/a", "/b"],
  "/a": ["/c", "/b"],
  "/b": ["/c", "/a"],
  "/c": ["/d", "/"],
  "/d": ["/e"],
  "/e": [],
};

async function fetchLinks(path: string) {
  print(`fetch ${path}`);
  await asyncio.sleep(0.2); // the network
  return SITE[path] ?? [];
}

const MAX_DEPTH = 1;
const queue = new asyncio.Queue<[string, number]>();
const seen = new Set(["/"]);

async function worker() {
  while (true) {
    const [path, depth] = await queue.get();
    try {
      const links = await fetchLinks(path);
      if (depth === MAX_DEPTH) continue; // do not go deeper
      for (const link of links) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.putNowait([link, depth + 1]);
        }
      }
    } catch (e) {
      // one page failed: report it and take the next (a cancellation still stops the worker)
      if (e instanceof asyncio.CancelledError) throw e;
      print(`failed ${path}: ${(e as Error).name}`);
    } finally {
      queue.taskDone();
    }
  }
}

async function main() {
  queue.putNowait(["/", 0]);
  const workers = [1, 2].map((i) => asyncio.createTask(worker, { name: `worker-${i}` }));
  await queue.join();
  for (const w of workers) w.cancel();
  print(`crawl done, max depth ${MAX_DEPTH}`);
}

asyncio.run(main);
