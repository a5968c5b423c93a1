/** What `aiohttp.web` handlers see and return: `Request`, `Response`, `jsonResponse`, HTTP errors. */
import { Lazy } from "../../runtime/asyncio/index.ts";
import type { Application } from "./aiohttp-web-app.ts";
import { reasonOf } from "./http-status.ts";
import { type SimRequest, unquotePlus } from "./http-world.ts";
import { dumps, fromUtf8, utf8 } from "./py-json.ts";

/** Options of `Response`. Python: `web.Response(text=…, body=…, status=200, content_type=…, headers=…)`. */
export interface ResponseOptions {
  text?: string;
  body?: Uint8Array | string;
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
}

/**
 * What a handler returns. Python: `web.Response`.
 * @example
 * return new web.Response({ text: "Hello, world" });
 */
export class Response {
  readonly status: number;
  readonly body: Uint8Array;
  readonly headers: Record<string, string>;
  constructor(options: ResponseOptions = {}) {
    this.status = options.status ?? 200;
    const isText = options.text !== undefined || typeof options.body === "string";
    const raw = options.text ?? options.body ?? "";
    this.body = typeof raw === "string" ? utf8(raw) : raw;
    const type =
      options.contentType ??
      (isText || raw.length === 0 ? "text/plain" : "application/octet-stream");
    const withCharset = type.startsWith("text/") || type === "application/json";
    this.headers = {
      "Content-Type": withCharset ? `${type}; charset=utf-8` : type,
      "Content-Length": String(this.body.length),
      ...options.headers,
    };
  }
  /** Python: `resp.text`. */
  get text(): string {
    return fromUtf8(this.body);
  }
}

/**
 * A JSON response (Python's `json.dumps`). Python: `web.json_response(data, status=200)`.
 * @example
 * return web.jsonResponse({ name, key: data.key });
 */
export function jsonResponse(data: unknown, options: { status?: number } = {}): Response {
  return new Response({ text: dumps(data), contentType: "application/json", ...options });
}

/**
 * An HTTP error a handler throws; it becomes the response. Python: `web.HTTPException` and
 * its subclasses (`raise web.HTTPNotFound()`).
 * @example
 * throw new web.HTTPNotFound();
 */
export class HTTPException extends Error {
  override name = "HTTPException";
  readonly status: number = 500;
  constructor(options: { text?: string } = {}) {
    super(options.text ?? "");
  }
  _response(): Response {
    return new Response({
      status: this.status,
      text: this.message || `${this.status}: ${reasonOf(this.status)}`,
    });
  }
}
/** 400. Python: `web.HTTPBadRequest`. @example throw new web.HTTPBadRequest({ text: "no name" }); */
export class HTTPBadRequest extends HTTPException {
  override name = "HTTPBadRequest";
  override readonly status = 400;
}
/** 403. Python: `web.HTTPForbidden`. @example throw new web.HTTPForbidden(); */
export class HTTPForbidden extends HTTPException {
  override name = "HTTPForbidden";
  override readonly status = 403;
}
/** 404. Python: `web.HTTPNotFound`. @example throw new web.HTTPNotFound(); */
export class HTTPNotFound extends HTTPException {
  override name = "HTTPNotFound";
  override readonly status = 404;
}
/** 500. Python: `web.HTTPInternalServerError`. @example throw new web.HTTPInternalServerError(); */
export class HTTPInternalServerError extends HTTPException {
  override name = "HTTPInternalServerError";
  override readonly status = 500;
}

/**
 * The `{name}` parts of the matched path. Python: `request.match_info`.
 * @example
 * const name = request.matchInfo.get("name", "Anonymous");
 */
export class MatchInfo {
  readonly #params: Record<string, string>;
  constructor(params: Record<string, string>) {
    this.#params = params;
  }
  /** Python: `match_info.get(name, default=None)`. */
  get(name: string, fallback: string | null = null): string | null {
    return Object.hasOwn(this.#params, name) ? this.#params[name]! : fallback;
  }
  /** Python: `match_info[name]` (KeyError if absent). */
  item(name: string): string {
    const v = this.get(name);
    if (v === null) throw new Error(`KeyError: '${name}'`);
    return v;
  }
}

function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of text ? text.split("&") : []) {
    const i = kv.indexOf("=");
    out[unquotePlus(i < 0 ? kv : kv.slice(0, i))] = i < 0 ? "" : unquotePlus(kv.slice(i + 1));
  }
  return out;
}

/**
 * A request as a handler sees it. Python: `web.Request`.
 * @example
 * async function hello(request: web.Request) { return new web.Response({ text: request.matchInfo.get("name") ?? "" }); }
 */
export class Request {
  readonly method: string;
  readonly path: string;
  readonly url: string;
  readonly host: string;
  /** Python: `request.query` (the last value of each name). */
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly matchInfo: MatchInfo;
  readonly app: Application;
  readonly #body: Uint8Array;
  constructor(req: SimRequest, params: Record<string, string>, app: Application) {
    this.method = req.method;
    this.path = req.path;
    this.url = req.url;
    this.host = req.host;
    this.query = Object.fromEntries(req.query);
    this.headers = req.headers;
    this.matchInfo = new MatchInfo(params);
    this.app = app;
    this.#body = req.body;
  }
  /** Python: `await request.read()`. @example await request.read(); */
  read(): Lazy<Uint8Array> {
    return new Lazy(async () => this.#body);
  }
  /** Python: `await request.text()`. @example await request.text(); */
  text(): Lazy<string> {
    return new Lazy(async () => fromUtf8(this.#body));
  }
  /** Python: `await request.json()`. @example const data = await request.json(); */
  json(): Lazy<unknown> {
    return new Lazy(async () => JSON.parse(fromUtf8(this.#body)));
  }
  /** The form fields (urlencoded body). Python: `await request.post()`. @example const data = await request.post(); */
  post(): Lazy<Record<string, string>> {
    return new Lazy(async () => {
      const type = this.headers["Content-Type"] ?? "";
      return type.startsWith("application/x-www-form-urlencoded")
        ? parseForm(fromUtf8(this.#body))
        : {};
    });
  }
}

/** A handler: Python's `async def handler(request) -> web.Response`. */
export type Handler = (request: Request) => Promise<Response> | Response;
