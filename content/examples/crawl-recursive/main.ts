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

const MAX_DEPTH = 2;

class Crawler {
  readonly semaphore: asyncio.Semaphore;
  readonly visited = new Set<string>();
  readonly session: aiohttp.ClientSession;

  constructor(session: aiohttp.ClientSession, maxConcurrent = 3) {
    this.session = session;
    this.semaphore = new asyncio.Semaphore(maxConcurrent);
  }

  async crawl(url: string, depth = 0): Promise<void> {
    if (this.visited.has(url) || depth > MAX_DEPTH) return;
    this.visited.add(url); // before the await: no twins
    let status: number;
    let html: string;
    {
      await using _slot = await this.semaphore.hold();
      await using resp = await this.session.get(url);
      [status, html] = [resp.status, await resp.text()];
    }
    const path = new URL(url).pathname;
    print(`depth ${depth} ${status} ${path}`);
    const next = linksIn(url, html);
    await asyncio.gather(...next.map((l) => () => this.crawl(l, depth + 1)));
  }
}

async function main() {
  const runner = await serveSite();
  let crawler: Crawler;
  {
    await using session = new aiohttp.ClientSession();
    crawler = new Crawler(session);
    await crawler.crawl("http://site.test/");
  }
  print(`${crawler.visited.size} pages`);
  await runner.cleanup();
}

asyncio.run(main);
