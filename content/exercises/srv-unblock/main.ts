import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const routes = new web.RouteTableDef();

routes.get("/report/{n}", async (request) => {
  const n = request.matchInfo.item("n");
  print(`building report ${n}`);
  asyncio.blockingSleep(1); // the slow part: a second of waiting
  return new web.Response({ text: `report ${n}` });
});

async function get(session: aiohttp.ClientSession, n: number) {
  await using r = await session.get(`http://app.test/report/${n}`);
  return await r.text();
}

async function main() {
  const app = new web.Application();
  app.addRoutes(routes);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();
  {
    await using session = new aiohttp.ClientSession();
    const reports = await asyncio.gather(...[1, 2, 3].map((n) => () => get(session, n)));
    print(reports);
  }
  await runner.cleanup();
}

asyncio.run(main);
