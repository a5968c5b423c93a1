import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";

const routes = new web.RouteTableDef();
const users = new Map<number, string>();

routes.post("/login", async (request) => {
  const form = await request.post(); // a urlencoded form
  return new web.Response({ text: `welcome, ${form.user}` });
});

routes.post("/users", async (request) => {
  const data = (await request.json()) as { name: string };
  const userId = users.size + 1;
  users.set(userId, data.name);
  return web.jsonResponse({ id: userId }, { status: 201 });
});

routes.get("/users/{id}", async (request) => {
  const raw = request.matchInfo.item("id"); // a path parameter is a string
  // int() raises ValueError on "bob"; Number() would give NaN, so test the text first
  if (!/^\s*[-+]?\d+\s*$/.test(raw)) {
    throw new web.HTTPBadRequest({ text: "id must be a number" });
  }
  const userId = Number(raw);
  const name = users.get(userId);
  if (name === undefined) {
    throw new web.HTTPNotFound({ text: "no such user" });
  }
  return web.jsonResponse({ name });
});

async function main() {
  const app = new web.Application();
  app.addRoutes(routes);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();

  const url = "http://app.test";
  {
    await using s = new aiohttp.ClientSession();
    {
      const form = { user: "alice" };
      await using r = await s.post(`${url}/login`, { data: form });
      print(r.status, await r.text());
    }
    {
      const body = { name: "Bob" };
      await using r = await s.post(`${url}/users`, { json: body });
      print(r.status, await r.json());
    }
    for (const path of ["/users/1", "/users/2", "/users/bob"]) {
      await using r = await s.get(url + path);
      print(r.status, r.contentType, await r.text());
    }
  }
  await runner.cleanup();
}

asyncio.run(main);
