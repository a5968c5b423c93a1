/**
 * `aiohttp.web`'s application side: routes (`app.router.addGet`, `RouteTableDef`,
 * `web.get(...)`, static files from the in-memory file system), `Application`, and serving it
 * on the simulated network with `AppRunner` + `TCPSite` (`runApp` only prints aiohttp's
 * banner: a simulated server cannot block the program forever).
 */
import { CancelledError, createTask, Lazy, print, shield } from "../../runtime/asyncio/index.ts";
import { type Handler, HTTPException, Request, Response } from "./aiohttp-web-types.ts";
import { reasonOf } from "./http-status.ts";
import { listen, type SimReply, type SimRequest, unlisten } from "./http-world.ts";
import { normPath, readFileBytes } from "./memfs.ts";

const STATIC_TYPES: Record<string, string> = {
  ".html": "text/html",
  ".css": "text/css",
  ".js": "application/javascript",
  ".json": "application/json",
  ".txt": "text/plain",
};

/**
 * A route: method, path pattern (`/hello/{name}`, `/item/{id:\d+}`), handler.
 * Python: `web.RouteDef` (what `web.get(path, handler)` returns).
 * @example
 * app.addRoutes([web.get("/", hello), web.post("/echo", echo)]);
 */
export class RouteDef {
  readonly method: string;
  readonly path: string;
  readonly handler: Handler;
  constructor(method: string, path: string, handler: Handler) {
    this.method = method;
    this.path = path;
    this.handler = handler;
  }
}

/** Python: `web.get(path, handler)`. @example web.get("/", hello) */
export const get = (path: string, handler: Handler) => new RouteDef("GET", path, handler);
/** Python: `web.post(path, handler)`. @example web.post("/echo", echo) */
export const post = (path: string, handler: Handler) => new RouteDef("POST", path, handler);
/** Python: `web.put(path, handler)`. @example web.put("/item/{id}", save) */
export const put = (path: string, handler: Handler) => new RouteDef("PUT", path, handler);
/** Python: `web.delete(path, handler)`. @example web.delete("/item/{id}", remove) */
export const delete_ = (path: string, handler: Handler) => new RouteDef("DELETE", path, handler);

/**
 * Routes collected by decorators in Python (`@routes.get("/")`); here, call
 * `routes.get(path, handler)` (or `routes.get(path)(handler)`). Python: `web.RouteTableDef`.
 * @example
 * const routes = new web.RouteTableDef();
 * routes.get("/", async () => new web.Response({ text: "Hello, world" }));
 * app.addRoutes(routes);
 */
export class RouteTableDef implements Iterable<RouteDef> {
  readonly #defs: RouteDef[] = [];
  #add(method: string, path: string, handler?: Handler): (h: Handler) => Handler {
    const register = (h: Handler): Handler => {
      this.#defs.push(new RouteDef(method, path, h));
      return h;
    };
    if (handler) register(handler);
    return register;
  }
  /** Python: `@routes.get(path)`. */
  get(path: string, handler?: Handler): (h: Handler) => Handler {
    return this.#add("GET", path, handler);
  }
  /** Python: `@routes.post(path)`. */
  post(path: string, handler?: Handler): (h: Handler) => Handler {
    return this.#add("POST", path, handler);
  }
  /** Python: `@routes.put(path)`. */
  put(path: string, handler?: Handler): (h: Handler) => Handler {
    return this.#add("PUT", path, handler);
  }
  /** Python: `@routes.delete(path)`. */
  delete(path: string, handler?: Handler): (h: Handler) => Handler {
    return this.#add("DELETE", path, handler);
  }
  [Symbol.iterator](): Iterator<RouteDef> {
    return this.#defs[Symbol.iterator]();
  }
}

interface Route {
  method: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

function compilePath(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  let src = "";
  const re = /\{(\w+)(?::([^{}]+))?\}|[^{]+/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1]) {
      names.push(m[1]);
      src += `(${m[2] ?? "[^{}/]+"})`;
    } else src += m[0].replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  }
  return { regex: new RegExp(`^${src}$`), names };
}

/**
 * The application's routes. Python: `app.router` (`web.UrlDispatcher`).
 * @example
 * app.router.addGet("/hello/{name}", hello);
 */
export class UrlDispatcher {
  readonly #routes: Route[] = [];
  /** Python: `router.add_route(method, path, handler)`. */
  addRoute(method: string, path: string, handler: Handler): void {
    this.#routes.push({ method: method.toUpperCase(), handler, ...compilePath(path) });
  }
  /** Python: `router.add_get(path, handler)`. */
  addGet(path: string, handler: Handler): void {
    this.addRoute("GET", path, handler);
  }
  /** Python: `router.add_post(path, handler)`. */
  addPost(path: string, handler: Handler): void {
    this.addRoute("POST", path, handler);
  }
  /** Python: `router.add_put(path, handler)`. */
  addPut(path: string, handler: Handler): void {
    this.addRoute("PUT", path, handler);
  }
  /** Python: `router.add_delete(path, handler)`. */
  addDelete(path: string, handler: Handler): void {
    this.addRoute("DELETE", path, handler);
  }
  /**
   * Serve the in-memory files under `path` at `prefix`. Python: `router.add_static(prefix, path)`.
   * @example
   * app.router.addStatic("/css/", "static/css");
   */
  addStatic(prefix: string, path: string): void {
    const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
    const names = ["filename"];
    const regex = new RegExp(`^${base.replace(/[.*+?^$()|[\]\\]/g, "\\$&")}(.+)$`);
    this.#routes.push({
      method: "GET",
      regex,
      names,
      handler: (request) => {
        const file = normPath(`${path}/${request.matchInfo.get("filename")}`);
        const body = readFileBytes(file);
        if (!body) return new Response({ status: 404, text: "404: Not Found" });
        const ext = /\.[^./]+$/.exec(file)?.[0] ?? "";
        return new Response({ body, contentType: STATIC_TYPES[ext] ?? "application/octet-stream" });
      },
    });
  }

  /** The handler and `{name}` values for a request, or the error status (404, 405). */
  _resolve(req: SimRequest): { handler: Handler; params: Record<string, string> } | number {
    let status = 404;
    for (const r of this.#routes) {
      const m = r.regex.exec(req.path);
      if (!m) continue;
      if (r.method !== "*" && r.method !== req.method) {
        status = 405;
        continue;
      }
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1]!);
      });
      return { handler: r.handler, params };
    }
    return status;
  }
}

function toReply(resp: Response): SimReply {
  return {
    status: resp.status,
    headers: resp.headers,
    parts: resp.body.length > 0 ? [resp.body] : [],
  };
}

/**
 * A web application: routes and their handlers. Python: `web.Application()`.
 * @example
 * const app = new web.Application();
 * app.router.addGet("/", async () => new web.Response({ text: "Hello, aiohttp!" }));
 */
export class Application {
  readonly router = new UrlDispatcher();

  /** Python: `app.add_routes(routes)`. @example app.addRoutes(routes); */
  addRoutes(routes: Iterable<RouteDef>): void {
    for (const r of routes) this.router.addRoute(r.method, r.path, r.handler);
  }

  /** Handle one request (in its own task): the handler's response, or the error's. */
  async _handle(req: SimRequest): Promise<SimReply> {
    const found = this.router._resolve(req);
    if (typeof found === "number")
      return toReply(new Response({ status: found, text: `${found}: ${reasonOf(found)}` }));
    try {
      return toReply(await found.handler(new Request(req, found.params, this)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof HTTPException) return toReply(e._response());
      return toReply(
        new Response({
          status: 500,
          text: "500 Internal Server Error\n\nServer got itself in trouble",
        }),
      );
    }
  }
}

/**
 * Prepares an application for serving. Python: `web.AppRunner(app)`.
 * @example
 * const runner = new web.AppRunner(app);
 * await runner.setup();
 * await new web.TCPSite(runner, "app.test", 80).start();
 * // … requests to http://app.test/ …
 * await runner.cleanup();
 */
export class AppRunner {
  readonly app: Application;
  readonly _sites: TCPSite[] = [];
  constructor(app: Application) {
    this.app = app;
  }
  /** Python: `await runner.setup()`. */
  setup(): Lazy<void> {
    return new Lazy(async () => {});
  }
  /** Stop every site. Python: `await runner.cleanup()`. */
  cleanup(): Lazy<void> {
    return new Lazy(async () => {
      for (const s of this._sites.splice(0)) unlisten(s.host, s.port);
    });
  }
}

/**
 * Serves a runner's application at host:port on the simulated network. Python:
 * `web.TCPSite(runner, host="0.0.0.0", port=8080)`.
 * @example
 * await new web.TCPSite(runner, "app.test", 80).start(); // http://app.test/
 */
export class TCPSite {
  readonly runner: AppRunner;
  readonly host: string;
  readonly port: number;
  constructor(runner: AppRunner, host = "0.0.0.0", port = 8080) {
    this.runner = runner;
    this.host = host;
    this.port = port;
  }
  /** Python: `site.name`. */
  get name(): string {
    return `http://${this.host}:${this.port}`;
  }
  /** Start answering; each request's handler runs in a task of its own. Python: `await site.start()`. */
  start(): Lazy<void> {
    return new Lazy(async () => {
      const app = this.runner.app;
      listen(this.host, this.port, {
        handle: async (req) => await shield(createTask(() => app._handle(req))),
      });
      this.runner._sites.push(this);
    });
  }
}

/**
 * Python: `web.run_app(app, host=…, port=…)`, which serves until Ctrl+C. Here it prints
 * aiohttp's banner and returns at once: to call a simulated server, use `AppRunner` + `TCPSite`.
 * @example
 * web.runApp(app);
 */
export function runApp(_app: Application, options: { host?: string; port?: number } = {}): void {
  print(`======== Running on http://${options.host ?? "0.0.0.0"}:${options.port ?? 8080} ========`);
  print("(Press CTRL+C to quit)");
}
