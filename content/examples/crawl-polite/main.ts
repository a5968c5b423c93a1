import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const SITE: Record<string, string[]> = {
  // the simulated site: each page and its links
  "/": ["/docs", "/blog", "/about"],
  "/docs": ["/docs/start", "/docs/api", "/"],
  "/blog": ["/blog/1", "/blog/2", "/"],
  "/about": ["/", "/team"],
  "/docs/start": ["/docs/api"],
  "/docs/api": ["/docs/start", "/docs/old"],
  "/blog/1": ["/blog/2"],
  "/blog/2": ["/blog/1", "/blog/3"],
  "/blog/3": ["/"],
  "/team": ["/about"],
};

async function page(request: web.Request) {
  const links = SITE[request.path];
  if (links === undefined) throw new web.HTTPNotFound();
  await asyncio.sleep(0.1); // the server renders it
  const html = links.map((u) => `<a href="${u}">${u}</a>\n`).join("");
  return new web.Response({
    text: html,
    contentType: "text/html",
  });
}

async function serveSite() {
  const app = new web.Application();
  app.router.addGet("/{path:.*}", page);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "site.test", 80).start();
  return runner;
}

function linksIn(base: string, html: string) {
  const hrefs = html.matchAll(/href="([^"]+)"/g);
  return [...hrefs].map((m) => new URL(m[1]!, base).href);
}

const [MAX_DEPTH, WORKERS, DELAY] = [3, 3, 0.3];

/** Requests to one host start at least DELAY apart. */
class Politeness {
  readonly locks = new Map<string, asyncio.Lock>();
  readonly last = new Map<string, number>();

  async wait(host: string) {
    let lock = this.locks.get(host);
    if (lock === undefined) {
      lock = new asyncio.Lock();
      this.locks.set(host, lock);
    }
    await using _held = await lock.hold();
    const loop = asyncio.getRunningLoop();
    const ready = (this.last.get(host) ?? -DELAY) + DELAY;
    await asyncio.sleep(Math.max(0, ready - loop.time()));
    this.last.set(host, loop.time());
  }
}

class Crawl {
  readonly polite = new Politeness();
  readonly queue = new asyncio.Queue<[string, number]>();
  readonly seen = new Set<string>();
  fetched = 0;
  failed = 0;
  readonly session: aiohttp.ClientSession;

  constructor(session: aiohttp.ClientSession) {
    this.session = session;
  }

  add(url: string, depth: number) {
    if (!this.seen.has(url) && depth <= MAX_DEPTH) {
      this.seen.add(url);
      this.queue.putNowait([url, depth]);
    }
  }

  async worker() {
    while (true) {
      const [url, depth] = await this.queue.get();
      try {
        await this.polite.wait(new URL(url).hostname);
        await using resp = await this.session.get(url, { raiseForStatus: true });
        const html = await resp.text();
        this.fetched += 1;
        for (const link of linksIn(url, html)) {
          this.add(link, depth + 1);
        }
      } catch (e) {
        // one page failed: count it, go on (a cancellation still stops the worker)
        if (e instanceof asyncio.CancelledError) throw e;
        this.failed += 1;
        print(`${new URL(url).pathname}: ${(e as Error).name}`);
      } finally {
        this.queue.taskDone();
      }
    }
  }

  async reporter() {
    const loop = asyncio.getRunningLoop();
    const start = loop.time();
    while (true) {
      await asyncio.sleep(0.5);
      const [t, queued] = [(loop.time() - start).toFixed(1), this.queue.qsize()];
      print(`${t}s ${this.fetched} fetched, ${queued} queued`);
    }
  }
}

async function main() {
  const runner = await serveSite();
  let crawl: Crawl;
  {
    await using session = new aiohttp.ClientSession();
    crawl = new Crawl(session);
    crawl.add("http://site.test/", 0);
    const tasks = [];
    for (let i = 1; i <= WORKERS; i++) {
      tasks.push(
        asyncio.createTask(() => crawl.worker(), {
          name: `worker-${i}`,
        }),
      );
    }
    tasks.push(
      asyncio.createTask(() => crawl.reporter(), {
        name: "reporter",
      }),
    );
    await crawl.queue.join(); // every URL taken and done
    for (const task of tasks) task.cancel();
  }
  print(`${crawl.fetched} pages, ${crawl.failed} failed`);
  await runner.cleanup();
}

asyncio.run(main);
