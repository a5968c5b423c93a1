import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const SITE: Record<string, string[]> = { "/": ["/a", "/b", "/c", "/d"], "/c": [], "/d": [] }; // /a, /b: 404

async function page(request: web.Request) {
  const links = SITE[request.path];
  if (links === undefined) throw new web.HTTPNotFound();
  await asyncio.sleep(0.1);
  const html = links.map((u) => `<a href="${u}">${u}</a>\n`).join("");
  return new web.Response({ text: html, contentType: "text/html" });
}

async function serveSite() {
  const app = new web.Application();
  app.router.addGet("/{path:.*}", page);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "site.test", 80).start();
  return runner;
}

async function worker(session: aiohttp.ClientSession, queue: asyncio.Queue<string>) {
  while (true) {
    const url = await queue.get();
    try {
      // no catch: an error leaves the loop and ends the worker
      await using resp = await session.get(url, { raiseForStatus: true });
      const html = await resp.text();
      print(`${resp.status} ${url}`);
      for (const m of html.matchAll(/href="([^"]+)"/g)) {
        queue.putNowait(new URL(m[1]!, url).href);
      }
    } finally {
      queue.taskDone();
    }
  }
}

function reportDeath(fut: asyncio.Future<void>) {
  // a done callback: runs when the worker ends, and is given the task
  const task = fut as asyncio.Task<void>;
  const exc = task.exception() as aiohttp.ClientResponseError;
  print(`${task.getName()} ended: ${exc.name} ${exc.status}`);
}

async function main() {
  const runner = await serveSite();
  const queue = new asyncio.Queue<string>();
  queue.putNowait("http://site.test/");
  {
    await using session = new aiohttp.ClientSession();
    const workers = [1, 2].map((i) =>
      asyncio.createTask(() => worker(session, queue), { name: `worker-${i}` }),
    );
    for (const w of workers) w.addDoneCallback(reportDeath);
    try {
      await asyncio.timeout(2, () => queue.join()); // without it: waits forever
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print(`join() still waiting, ${queue.qsize()} URLs queued`);
    }
  }
  await runner.cleanup();
}

asyncio.run(main);
