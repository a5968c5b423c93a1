/**
 * The simulated network: which hosts exist (httpbin at `httpbin.test` and `httpbin.org`, and
 * any site a reader's `web.TCPSite` starts), what a request and a reply are, and the round
 * trip every client (aiohttp, fetch) makes on the loop's clock:
 *
 *   draw failure, then jitter (the host's seeded generator) → sleep(latency / 2) →
 *   failure? sleep(latency / 2), ServerDisconnectedError : the server handles the request →
 *   sleep(latency / 2) → the reply's headers and first body part arrive.
 */
import { pyStr, sleep } from "../../runtime/asyncio/index.ts";
import { ClientConnectorError, InvalidURL, ServerDisconnectedError } from "./aiohttp-errors.ts";
import { httpHost } from "./simulated.ts";

/** A request as the server sees it. */
export interface SimRequest {
  method: string;
  /** The full URL, query included. */
  url: string;
  scheme: string;
  host: string;
  port: number;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body: Uint8Array;
}

/** A server's answer: the body in parts (one part unless streamed). */
export interface SimReply {
  status: number;
  headers: Record<string, string>;
  parts: Uint8Array[];
}

/** Something that answers requests (httpbin, a reader's web.Application). */
export interface SimServer {
  handle(req: SimRequest): Promise<SimReply>;
}

const sites = new Map<string, SimServer>();
let httpbin: SimServer | null = null;

/** The hosts httpbin answers on. */
export const HTTPBIN_HOSTS: readonly string[] = ["httpbin.test", "httpbin.org"];

/** Install httpbin (done once by httpbin.ts, which imports this module). */
export function _setHttpbin(server: SimServer): void {
  httpbin = server;
}

/** Start answering on host:port (web.TCPSite.start). */
export function listen(host: string, port: number, server: SimServer): void {
  sites.set(`${host}:${port}`, server);
}

/** Stop answering on host:port (web.AppRunner.cleanup). */
export function unlisten(host: string, port: number): void {
  sites.delete(`${host}:${port}`);
}

/** Forget every started site (each run starts here). */
export function _reset(): void {
  sites.clear();
}

/** The server for a request, or ClientConnectorError for a host nobody answers on. */
export function serverFor(req: SimRequest): SimServer {
  const site = sites.get(`${req.host}:${req.port}`);
  if (site) return site;
  if (httpbin && HTTPBIN_HOSTS.includes(req.host)) return httpbin;
  throw new ClientConnectorError(req.host, req.port);
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encode every byte but `A-Za-z0-9-._~` (Python: `urllib.parse.quote(s, safe="-._~")`). */
export function quote(s: string): string {
  let out = "";
  for (const ch of s) {
    if (UNRESERVED.test(ch)) out += ch;
    else
      for (const b of new TextEncoder().encode(ch))
        out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Decode a query component (`+` is a space). Python: `urllib.parse.unquote_plus`. */
export function unquotePlus(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}

const URL_RE = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?/i;

/** Parse a URL and append `params` (encoded with `quote`) to its query. */
export function parseUrl(
  url: string,
  params?: Record<string, unknown> | null,
): Omit<SimRequest, "method" | "headers" | "body"> {
  const m = URL_RE.exec(url);
  if (!m) throw new InvalidURL(url);
  const scheme = m[1]!.toLowerCase();
  const host = m[2]!.toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === "https" ? 443 : 80;
  const path = m[4] || "/";
  let qs = m[5] ?? "";
  if (params) {
    const extra = Object.entries(params)
      .map(([k, v]) => `${quote(k)}=${quote(pyStr(v))}`)
      .join("&");
    if (extra) qs = qs ? `${qs}&${extra}` : extra;
  }
  const query = qs
    ? qs.split("&").map((kv): [string, string] => {
        const i = kv.indexOf("=");
        return i < 0
          ? [unquotePlus(kv), ""]
          : [unquotePlus(kv.slice(0, i)), unquotePlus(kv.slice(i + 1))];
      })
    : [];
  const base = m[3] ? `${scheme}://${host}:${port}${path}` : `${scheme}://${host}${path}`;
  return { url: qs ? `${base}?${qs}` : base, scheme, host, port, path, query };
}

/**
 * One request's trip to the server and back, on the loop's clock (see the file comment).
 * The caller holds a connection throughout.
 */
export async function roundTrip(req: SimRequest, server: SimServer): Promise<SimReply> {
  const host = httpHost(req.host);
  const fails = host.failureRate > 0 && host.rng.random() < host.failureRate;
  const latency = host.jitter > 0 ? host.latency + host.rng.uniform(0, host.jitter) : host.latency;
  await sleep(latency / 2);
  if (fails) {
    await sleep(latency / 2);
    throw new ServerDisconnectedError();
  }
  const reply = await server.handle(req);
  await sleep(latency / 2);
  return reply;
}
