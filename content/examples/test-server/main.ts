import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";
import * as testrun from "testrun";
import { IsolatedAsyncioTestCase } from "unittest";

const BASE = "http://app.test";

async function hello(request: web.Request) {
  const name = request.matchInfo.item("name");
  return new web.Response({ text: `Hello, ${name}` });
}

async function report(_request: web.Request) {
  await asyncio.sleep(2); // a slow handler
  return new web.Response({ text: "report ready" });
}

function makeApp() {
  const app = new web.Application();
  app.router.addGet("/hello/{name}", hello);
  app.router.addGet("/report", report);
  return app;
}

class ServerTests extends IsolatedAsyncioTestCase {
  session!: aiohttp.ClientSession;

  override async asyncSetUp() {
    const runner = new web.AppRunner(makeApp());
    await runner.setup();
    await new web.TCPSite(runner, "app.test", 80).start();
    this.addAsyncCleanup(() => runner.cleanup());
    this.session = new aiohttp.ClientSession();
    this.addAsyncCleanup(() => this.session.close());
  }

  async get(path: string): Promise<[number, string]> {
    await using response = await this.session.get(BASE + path);
    return [response.status, await response.text()];
  }

  async test_hello() {
    this.assertEqual(await this.get("/hello/Ada"), [200, "Hello, Ada"]);
  }

  async test_unknown_path() {
    const [status] = await this.get("/goodbye");
    this.assertEqual(status, 404);
  }

  async test_slow_requests_overlap() {
    const loop = asyncio.getRunningLoop();
    const start = loop.time();
    const gets = [1, 2, 3].map(() => () => this.get("/report"));
    const results = await asyncio.gather(...gets);
    this.assertEqual(results, Array(3).fill([200, "report ready"]));
    print(`3 slow requests took ${(loop.time() - start).toFixed(1)} s`);
  }
}

await testrun.run(ServerTests);
