/** The simulated aiohttp.web server: routes, a task per request, errors, static files. */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as aiohttp from "../../../../src/sandbox/services/aiohttp.ts";
import * as simulated from "../../../../src/sandbox/services/simulated.ts";
import { asyncio, now, run } from "./helpers.ts";

const { web } = aiohttp;

async function serve(app: InstanceType<typeof web.Application>) {
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();
  return runner;
}

test("each request runs its handler in a task of its own, concurrently", async () => {
  const rec = await run(async () => {
    const app = new web.Application();
    app.router.addGet("/slow/{n}", async (request) => {
      await asyncio.sleep(1);
      return new web.Response({ text: `done ${request.matchInfo.get("n")}` });
    });
    await serve(app);
    const session = new aiohttp.ClientSession();
    const get = async (n: number) => await (await session.get(`http://app.test/slow/${n}`)).text();
    const texts = await asyncio.gather(...[1, 2, 3].map((n) => () => get(n)));
    return [texts, now()];
  });
  assert.deepEqual(rec.result, [["done 1", "done 2", "done 3"], 1.1]);
  const created = rec.events.filter((e) => e.type === "created").length;
  assert.equal(created, 1 + 3 + 3, "main, three client tasks, three handler tasks");
});

test("404, 405, an HTTP exception and a failing handler become responses", async () => {
  const { result } = await run(async () => {
    const routes = new web.RouteTableDef();
    routes.get("/missing", async () => {
      throw new web.HTTPNotFound();
    });
    routes.get("/boom", async () => {
      throw new Error("boom");
    });
    routes.post("/form", async (request) => web.jsonResponse(await request.post()));
    const app = new web.Application();
    app.addRoutes(routes);
    await serve(app);
    const session = new aiohttp.ClientSession();
    const out: string[] = [];
    for (const [method, path] of [
      ["GET", "/nope"],
      ["GET", "/form"],
      ["GET", "/missing"],
      ["GET", "/boom"],
    ] as const) {
      const r = await session.request(method, `http://app.test${path}`);
      out.push(`${r.status} ${(await r.text()).split("\n")[0]}`);
    }
    const f = await session.post("http://app.test/form", { data: { key: "a b" } });
    out.push(await f.text());
    return out;
  });
  assert.deepEqual(result, [
    "404 404: Not Found",
    "405 405: Method Not Allowed",
    "404 404: Not Found",
    "500 500 Internal Server Error",
    '{"key": "a b"}',
  ]);
});

test("static files come from the in-memory file system; cleanup stops the site", async () => {
  const { result } = await run(async () => {
    simulated.files({ contents: { "static/css/base.css": "body {}" } });
    const app = new web.Application();
    app.router.addStatic("/css/", "static/css");
    const runner = await serve(app);
    const session = new aiohttp.ClientSession();
    const r = await session.get("http://app.test/css/base.css");
    const out = [r.status, r.contentType, await r.text()];
    await runner.cleanup();
    try {
      await session.get("http://app.test/css/base.css");
    } catch (e) {
      out.push((e as Error).name);
    }
    return out;
  });
  assert.deepEqual(result, [200, "text/css", "body {}", "ClientConnectorError"]);
});
