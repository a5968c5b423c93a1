import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

async function index(_request: web.Request) {
  return new web.Response({ text: "Hello, world" });
}

async function hello(request: web.Request) {
  const name = request.matchInfo.item("name");
  return new web.Response({ text: `Hello, ${name}` });
}

async function main() {
  const app = new web.Application();
  app.router.addGet("/", index);
  app.router.addGet("/hello/{name}", hello);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();

  const calls = [
    ["GET", "/"],
    ["GET", "/hello/Alice"],
    ["GET", "/goodbye"],
    ["POST", "/"],
  ] as const;
  {
    await using session = new aiohttp.ClientSession();
    for (const [method, path] of calls) {
      const url = `http://app.test${path}`;
      await using r = await session.request(method, url);
      const text = await r.text();
      print(method, path, "->", r.status, text);
    }
  }
  await runner.cleanup();
}

asyncio.run(main);
