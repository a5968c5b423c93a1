/**
 * `ClientSession` and `ClientTimeout`: aiohttp's client on the simulated network. A request
 * waits for a connection from the session's `TCPConnector`, makes its round trip (see
 * http-world.ts), and returns the response when its headers arrive; `ClientTimeout.total`
 * bounds all of it, body reading included, and `connect` bounds the wait for a connection.
 */
import {
  getRunningLoop,
  Lazy,
  pyStr,
  RuntimeError,
  timeout as scope,
  TimeoutError,
  timeoutAt,
} from "../../runtime/asyncio/index.ts";
import { ConnectionTimeoutError, ServerTimeoutError } from "./aiohttp-errors.ts";
import { ClientResponse } from "./aiohttp-response.ts";
import { TCPConnector } from "./http-connector.ts";
import { parseUrl, quote, roundTrip, type SimRequest, serverFor } from "./http-world.ts";
import { dumps, utf8 } from "./py-json.ts";
import { httpHost } from "./simulated.ts";

/** Options of `ClientTimeout`, seconds; `null` for none. */
export interface ClientTimeoutOptions {
  total?: number | null;
  connect?: number | null;
  sockRead?: number | null;
  sockConnect?: number | null;
}

/**
 * Time limits of a session or a request. Python:
 * `aiohttp.ClientTimeout(total=None, connect=None, sock_read=None, sock_connect=None)`.
 * Simulated: `total` (the whole request, body included: `asyncio.TimeoutError`) and `connect`
 * (waiting for a free connection: `ConnectionTimeoutError`); the socket ones are kept but
 * have nothing to bound here.
 * @example
 * new aiohttp.ClientSession({ timeout: new aiohttp.ClientTimeout({ total: 2 }) });
 */
export class ClientTimeout {
  readonly total: number | null;
  readonly connect: number | null;
  readonly sockRead: number | null;
  readonly sockConnect: number | null;
  constructor(options: ClientTimeoutOptions = {}) {
    this.total = options.total ?? null;
    this.connect = options.connect ?? null;
    this.sockRead = options.sockRead ?? null;
    this.sockConnect = options.sockConnect ?? null;
  }
}

/** aiohttp's default: five minutes in total. */
const DEFAULT_TIMEOUT = new ClientTimeout({ total: 300, sockConnect: 30 });

/** Options of one request. Python: the keyword arguments of `session.get(url, …)`. */
export interface RequestOptions {
  params?: Record<string, unknown>;
  /** A value sent as JSON (Python's `json.dumps`). */
  json?: unknown;
  /** A form (object), text (string) or bytes. */
  data?: Record<string, unknown> | string | Uint8Array;
  headers?: Record<string, string>;
  /** A `ClientTimeout`, or seconds (total). */
  timeout?: ClientTimeout | number;
  raiseForStatus?: boolean;
}

/** Options of a session. Python: `aiohttp.ClientSession(timeout=…, connector=…, headers=…, raise_for_status=False)`. */
export interface SessionOptions {
  timeout?: ClientTimeout;
  connector?: TCPConnector;
  headers?: Record<string, string>;
  raiseForStatus?: boolean;
}

const formEncode = (s: string) => quote(s).replace(/%20/g, "+");

function encodeBody(opts: RequestOptions): [Uint8Array, string | null] {
  if (opts.json !== undefined) return [utf8(dumps(opts.json)), "application/json"];
  const data = opts.data;
  if (data === undefined) return [new Uint8Array(0), null];
  if (typeof data === "string") return [utf8(data), "text/plain; charset=utf-8"];
  if (data instanceof Uint8Array) return [data, "application/octet-stream"];
  const form = Object.entries(data)
    .map(([k, v]) => `${formEncode(k)}=${formEncode(pyStr(v))}`)
    .join("&");
  return [utf8(form), "application/x-www-form-urlencoded"];
}

/**
 * A client session: a connection pool and defaults shared by its requests. Python:
 * `aiohttp.ClientSession`. `await using session = new aiohttp.ClientSession()` is
 * `async with aiohttp.ClientSession() as session:`; or call `await session.close()`.
 * @example
 * await using session = new aiohttp.ClientSession();
 * await using resp = await session.get("https://httpbin.test/get", { params: { q: "asyncio" } });
 * print(resp.status, await resp.json());
 */
export class ClientSession implements AsyncDisposable {
  readonly timeout: ClientTimeout;
  readonly connector: TCPConnector;
  readonly headers: Record<string, string>;
  readonly #raiseForStatus: boolean;
  #closed = false;

  constructor(options: SessionOptions = {}) {
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT;
    this.connector = options.connector ?? new TCPConnector();
    this.headers = { ...options.headers };
    this.#raiseForStatus = options.raiseForStatus ?? false;
  }

  /** Python: `session.closed`. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Python: `session.request(method, url, **kwargs)`. @example await session.request("GET", url); */
  request(method: string, url: string, options: RequestOptions = {}): Lazy<ClientResponse> {
    return new Lazy(() => this.#request(method.toUpperCase(), url, options));
  }
  /** Python: `session.get(url, **kwargs)`. @example await using resp = await session.get(url); */
  get(url: string, options?: RequestOptions): Lazy<ClientResponse> {
    return this.request("GET", url, options);
  }
  /** Python: `session.post(url, json=…, data=…)`. @example await session.post(url, { json: { a: 1 } }); */
  post(url: string, options?: RequestOptions): Lazy<ClientResponse> {
    return this.request("POST", url, options);
  }
  /** Python: `session.put(url, …)`. @example await session.put(url, { data: "x" }); */
  put(url: string, options?: RequestOptions): Lazy<ClientResponse> {
    return this.request("PUT", url, options);
  }
  /** Python: `session.patch(url, …)`. @example await session.patch(url, { json: {} }); */
  patch(url: string, options?: RequestOptions): Lazy<ClientResponse> {
    return this.request("PATCH", url, options);
  }
  /** Python: `session.delete(url, …)`. @example await session.delete(url); */
  delete(url: string, options?: RequestOptions): Lazy<ClientResponse> {
    return this.request("DELETE", url, options);
  }

  async #request(method: string, url: string, opts: RequestOptions): Promise<ClientResponse> {
    if (this.#closed) throw new RuntimeError("Session is closed");
    const loop = getRunningLoop();
    const t =
      opts.timeout === undefined
        ? this.timeout
        : typeof opts.timeout === "number"
          ? new ClientTimeout({ total: opts.timeout })
          : opts.timeout;
    const deadline = t.total === null ? null : loop.time() + t.total;
    const [body, type] = encodeBody(opts);
    const headers = { ...this.headers, ...opts.headers };
    if (type !== null && !Object.keys(headers).some((h) => h.toLowerCase() === "content-type"))
      headers["Content-Type"] = type;
    const req: SimRequest = { method, headers, body, ...parseUrl(url, opts.params) };
    const server = serverFor(req);
    const exchange = async (): Promise<ClientResponse> => {
      const key = `${req.host}:${req.port}`;
      let conn: Awaited<ReturnType<TCPConnector["acquire"]>>;
      if (t.connect === null) conn = await this.connector.acquire(key);
      else {
        try {
          conn = await scope(t.connect, () => this.connector.acquire(key));
        } catch (e) {
          if (e instanceof TimeoutError && !(e instanceof ServerTimeoutError))
            throw new ConnectionTimeoutError(`Connection timeout to host ${req.url}`);
          throw e;
        }
      }
      let reply: Awaited<ReturnType<typeof roundTrip>>;
      try {
        reply = await roundTrip(req, server);
      } catch (e) {
        conn.release();
        throw e;
      }
      const now = loop.time();
      const interval = httpHost(req.host).streamInterval;
      return new ClientResponse({
        method,
        url: req.url,
        status: reply.status,
        headers: reply.headers,
        parts: method === "HEAD" ? [] : reply.parts,
        arrivals: reply.parts.map((_, i) => now + i * interval),
        deadline,
        release: () => conn.release(),
      });
    };
    const resp = deadline === null ? await exchange() : await timeoutAt(deadline, exchange);
    if (opts.raiseForStatus ?? this.#raiseForStatus) resp.raiseForStatus();
    return resp;
  }

  /** Close the session (and its connector). Python: `await session.close()`. @example await session.close(); */
  close(): Lazy<void> {
    return new Lazy(async () => {
      this.#closed = true;
      await this.connector.close();
    });
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
