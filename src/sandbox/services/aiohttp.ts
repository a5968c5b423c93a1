/**
 * The reader module `aiohttp`: the client (`ClientSession`, `ClientTimeout`, `TCPConnector`,
 * responses and their streams, the exceptions) and the server (`web`) on the simulated
 * network. Python: the `aiohttp` package (the recorder's stand-in behaves the same way).
 * @example
 * import * as aiohttp from "aiohttp";
 * await using session = new aiohttp.ClientSession();
 * await using resp = await session.get("https://httpbin.test/json");
 * print(resp.status);
 */

export {
  ClientSession,
  ClientTimeout,
  type ClientTimeoutOptions,
  type RequestOptions,
  type SessionOptions,
} from "./aiohttp-client.ts";
export {
  ClientConnectionError,
  ClientConnectorError,
  ClientError,
  ClientResponseError,
  ConnectionTimeoutError,
  ContentTypeError,
  InvalidURL,
  ServerConnectionError,
  ServerDisconnectedError,
  ServerTimeoutError,
} from "./aiohttp-errors.ts";
export { CIMultiDictProxy, ClientResponse, StreamReader } from "./aiohttp-response.ts";
export * as web from "./aiohttp-web.ts";
export { type Connection, TCPConnector, type TCPConnectorOptions } from "./http-connector.ts";
