import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";
import * as simulated from "simulated";

// Not at home: puts two files in the simulated disk.
simulated.files({
  contents: { "static/hi.txt": "hi!\n", "static/app.js": "go()\n" },
});

async function main() {
  const app = new web.Application();
  app.router.addStatic("/static", "static");
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();

  const names = ["hi.txt", "app.js", "nope.txt"];
  {
    await using session = new aiohttp.ClientSession();
    for (const name of names) {
      const url = `http://app.test/static/${name}`;
      await using r = await session.get(url);
      const text = await r.text();
      print(name, r.status, asyncio.pyRepr(text));
    }
  }
  await runner.cleanup();
}

asyncio.run(main);
