import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const routes = new web.RouteTableDef();

routes.get("/item/{n}", async (request) => {
  const n = request.matchInfo.item("n");
  print(`handling ${n}`);
  asyncio.blockingSleep(0.5); // blocks the whole loop
  return web.jsonResponse({ item: n });
});

async function fetch(session: aiohttp.ClientSession, n: number) {
  const url = `http://app.test/item/${n}`;
  await using r = await session.get(url);
  return ((await r.json()) as { item: string }).item;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const app = new web.Application();
  app.addRoutes(routes);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();

  let items: string[];
  {
    await using session = new aiohttp.ClientSession();
    items = await asyncio.gather(...[1, 2, 3, 4].map((n) => () => fetch(session, n)));
  }
  print(items, `at ${(loop.time() - start).toFixed(2)}s`);
  await runner.cleanup();
}

asyncio.run(main);
