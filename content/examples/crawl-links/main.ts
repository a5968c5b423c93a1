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

const ROOT = "http://site.test/";

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const runner = await serveSite();
  {
    await using session = new aiohttp.ClientSession();
    for (const url of [ROOT, `${ROOT}missing`]) {
      await using resp = await session.get(url);
      const html = await resp.text();
      const at = (loop.time() - start).toFixed(3);
      print(`${url} ${resp.status} at ${at}s`);
      for (const link of linksIn(url, html)) {
        print(`  -> ${link}`);
      }
    }
  }
  await runner.cleanup();
}

asyncio.run(main);
