import * as aiohttp from "aiohttp";
import { web } from "aiohttp";
import * as asyncio from "asyncio";
import { ContextVar } from "contextvars";

const requestId = new ContextVar<string>("request_id", { default: "-" });

function log(message: string): void {
  print(`[${requestId.get()}] ${message}`);
}

type Handler = (request: web.Request) => Promise<web.Response>;

function withRequestId(handler: Handler): Handler {
  // What a middleware does for a whole app: tag everything this request does.
  return async (request) => {
    requestId.set(request.headers["X-Request-ID"] ?? "-");
    log(`${request.method} ${request.path}`);
    return await handler(request);
  };
}

async function query(sql: string, seconds: number): Promise<void> {
  log(`query: ${sql}`);
  await asyncio.sleep(seconds);
  log(`query done: ${sql}`);
}

const routes = new web.RouteTableDef();

routes.get(
  "/orders/{n}",
  withRequestId(async (request) => {
    const n = request.matchInfo.item("n");
    await asyncio.gather(
      () => query(`order ${n}`, 0.2),
      () => query(`items of order ${n}`, 0.3),
    );
    log("responding");
    return web.jsonResponse({ order: n });
  }),
);

async function fetch(session: aiohttp.ClientSession, n: number): Promise<string> {
  const headers = { "X-Request-ID": `req-${n}` };
  await using r = await session.get(`http://app.test/orders/${n}`, { headers });
  return ((await r.json()) as { order: string }).order;
}

async function main(): Promise<void> {
  const app = new web.Application();
  app.addRoutes(routes);
  const runner = new web.AppRunner(app);
  await runner.setup();
  await new web.TCPSite(runner, "app.test", 80).start();

  let orders: string[];
  {
    await using session = new aiohttp.ClientSession();
    orders = await asyncio.gather(
      () => fetch(session, 1),
      () => fetch(session, 2),
    );
  }
  log(`client got orders ['${orders.join("', '")}']`);
  await runner.cleanup();
}

asyncio.run(main);
