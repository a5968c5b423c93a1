import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const routes = new web.RouteTableDef();

routes.get("/", async () => new web.Response({ text: "Hello, world" }));

routes.get("/greet/{name}", async (request) => {
  const name = request.matchInfo.get("name", "Anonymous");
  print(`handling ${name}`);
  await asyncio.sleep(1); // a slow lookup: the other requests go on meanwhile
  return web.jsonResponse({ greeting: `Hello, ${name}!` });
});

async function main() {
  const app = new web.Application();
  app.addRoutes(routes);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();

  {
    await using session = new aiohttp.ClientSession();
    {
      await using resp = await session.get("http://app.test/");
      print(resp.status, await resp.text());
    }

    const call = async (name: string) => {
      await using resp = await session.get(`http://app.test/greet/${name}`);
      return ((await resp.json()) as { greeting: string }).greeting;
    };

    print(
      await asyncio.gather(
        () => call("Alice"),
        () => call("Bob"),
        () => call("Charlie"),
      ),
    );
  }
  await runner.cleanup();
}

asyncio.run(main);
