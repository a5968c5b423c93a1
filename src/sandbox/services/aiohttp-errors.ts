/**
 * aiohttp's client exceptions, with its hierarchy and messages:
 * `ClientError` ⊃ `ClientResponseError` (⊃ `ContentTypeError`), `ClientConnectionError` ⊃
 * (`ClientConnectorError`, `ServerConnectionError` ⊃ (`ServerDisconnectedError`,
 * `ServerTimeoutError` ⊃ `ConnectionTimeoutError`)). `ServerTimeoutError` is also an
 * `asyncio.TimeoutError`, as in Python (JavaScript has single inheritance: `instanceof`
 * answers for both).
 */
import { pyRepr, TimeoutError } from "../../runtime/asyncio/index.ts";

const isTimeoutLike = (v: unknown): boolean =>
  Function.prototype[Symbol.hasInstance].call(ServerTimeoutError, v);

/**
 * Any client-side failure. Python: `aiohttp.ClientError`.
 * @example
 * try { await session.get(url); } catch (e) { if (e instanceof aiohttp.ClientError) print("failed:", e); }
 */
export class ClientError extends Error {
  override name = "ClientError";
  static override [Symbol.hasInstance](v: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the class `instanceof` asks about
    const cls = this as unknown as typeof ClientError;
    if (Function.prototype[Symbol.hasInstance].call(cls, v)) return true;
    // ServerTimeoutError derives from asyncio.TimeoutError but is a ServerConnectionError too.
    return (
      (cls === ClientError || cls === ClientConnectionError || cls === ServerConnectionError) &&
      isTimeoutLike(v)
    );
  }
}

/**
 * The server answered with an error status (from `raiseForStatus`), or the body was not what
 * `json()` expected. Python: `aiohttp.ClientResponseError`; its `status` is here, and Python's
 * `e.message` (the reason phrase) is `e.reason` (JavaScript's `message` is `str(e)`).
 * @example
 * catch (e) { if (e instanceof aiohttp.ClientResponseError) print(e.status); }
 */
export class ClientResponseError extends ClientError {
  override name = "ClientResponseError";
  readonly status: number;
  readonly reason: string;
  readonly url: string;
  constructor(status: number, reason: string, url: string) {
    super(`${status}, message=${pyRepr(reason)}, url=${pyRepr(url)}`);
    this.status = status;
    this.reason = reason;
    this.url = url;
  }
}

/** `resp.json()` on a body that is not JSON. Python: `aiohttp.ContentTypeError`. @example catch (e) { if (e instanceof aiohttp.ContentTypeError) … } */
export class ContentTypeError extends ClientResponseError {
  override name = "ContentTypeError";
  constructor(status: number, contentType: string, url: string) {
    super(status, `Attempt to decode JSON with unexpected mimetype: ${contentType}`, url);
  }
}

/** Any connection failure. Python: `aiohttp.ClientConnectionError`. @example catch (e) { if (e instanceof aiohttp.ClientConnectionError) … } */
export class ClientConnectionError extends ClientError {
  override name = "ClientConnectionError";
}

/**
 * The host is unknown to the simulated network. Python: `aiohttp.ClientConnectorError`.
 * @example
 * await session.get("https://nowhere.test/"); // ClientConnectorError: Cannot connect to host nowhere.test:443 ssl:default [Name or service not known]
 */
export class ClientConnectorError extends ClientConnectionError {
  override name = "ClientConnectorError";
  readonly host: string;
  readonly port: number;
  constructor(host: string, port: number) {
    super(`Cannot connect to host ${host}:${port} ssl:default [Name or service not known]`);
    this.host = host;
    this.port = port;
  }
}

/** The server side of a connection failed. Python: `aiohttp.ServerConnectionError`. @example catch (e) { if (e instanceof aiohttp.ServerConnectionError) … } */
export class ServerConnectionError extends ClientConnectionError {
  override name = "ServerConnectionError";
}

/**
 * The server dropped the connection (what a simulated failure raises).
 * Python: `aiohttp.ServerDisconnectedError` ("Server disconnected").
 * @example
 * simulated.http({ failureRate: 0.5, seed: 1 }); // about half the requests raise it
 */
export class ServerDisconnectedError extends ServerConnectionError {
  override name = "ServerDisconnectedError";
  constructor(message = "Server disconnected") {
    super(message);
  }
}

/**
 * A socket-level timeout. Python: `aiohttp.ServerTimeoutError` (a `ServerConnectionError` and
 * an `asyncio.TimeoutError`).
 * @example
 * catch (e) { if (e instanceof aiohttp.ServerTimeoutError) print("too slow"); }
 */
export class ServerTimeoutError extends TimeoutError {
  override name = "ServerTimeoutError";
}

/**
 * No connection within `ClientTimeout({ connect })` (waiting for a free one in the pool
 * included). Python: `aiohttp.ConnectionTimeoutError`.
 * @example
 * new aiohttp.ClientTimeout({ connect: 1 });
 */
export class ConnectionTimeoutError extends ServerTimeoutError {
  override name = "ConnectionTimeoutError";
}

/** A URL the client cannot use. Python: `aiohttp.InvalidURL`. @example await session.get("nope"); // InvalidURL: nope */
export class InvalidURL extends ClientError {
  override name = "InvalidURL";
}
