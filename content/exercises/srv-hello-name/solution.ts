import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const routes = new web.RouteTableDef();

routes.get("/", async () => new web.Response({ text: "Hello!" }));

routes.get("/hello/{name}", async (request) => {
  const name = request.matchInfo.item("name");
  return new web.Response({ text: `Hello, ${name}!` });
});

async function main() {
  const app = new web.Application();
  app.addRoutes(routes);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();
  {
    await using session = new aiohttp.ClientSession();
    for (const path of ["/", "/hello/Ada", "/hello/Grace"]) {
      await using r = await session.get(`http://app.test${path}`);
      print(r.status, await r.text());
    }
  }
  await runner.cleanup();
}

asyncio.run(main);
