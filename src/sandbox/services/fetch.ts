/**
 * The sandbox's `fetch`: the browser's API on the simulated network (httpbin.test,
 * httpbin.org, and the reader's own `web.TCPSite`s), with aiohttp's timing: one shared pool
 * of 100 connections, the same round trip, the body as it arrives. Any other URL rejects with
 * a TypeError that says why. Python has no `fetch`: a twin uses aiohttp or httpx.
 */
import { getRunningLoop, pyStr } from "../../runtime/asyncio/index.ts";
import { ClientSession } from "./aiohttp-client.ts";
import { ClientConnectorError, ClientError } from "./aiohttp-errors.ts";
import type { ClientResponse } from "./aiohttp-response.ts";
import { HTTPBIN_HOSTS } from "./http-world.ts";
import { fromUtf8 } from "./py-json.ts";

let shared: ClientSession | null = null;

/** A fresh pool for the next run. */
export function _reset(): void {
  shared = null;
}

/** What `fetch` resolves to: the parts of the WHATWG Response that examples use. */
export class SimFetchResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  readonly #resp: ClientResponse;
  constructor(resp: ClientResponse) {
    this.#resp = resp;
    this.status = resp.status;
    this.statusText = resp.reason;
    this.ok = resp.status >= 200 && resp.status < 300;
    this.url = resp.url;
    this.headers = { get: (name) => resp.headers.get(name) };
  }
  /** The body as bytes. */
  async bytes(): Promise<Uint8Array> {
    return await this.#resp.read();
  }
  /** The body as an ArrayBuffer. */
  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).slice().buffer as ArrayBuffer;
  }
  /** The body as text. */
  async text(): Promise<string> {
    return fromUtf8(await this.bytes());
  }
  /** The body parsed as JSON. */
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}

function bodyOf(init: RequestInit): { data?: string | Uint8Array } {
  const b = init.body;
  if (b === undefined || b === null) return {};
  if (typeof b === "string" || b instanceof Uint8Array) return { data: b };
  throw new TypeError("fetch here sends a string or a Uint8Array body");
}

/**
 * `fetch(url, init)` on the simulated network. Python: aiohttp's `session.get/post` (or httpx).
 * @example
 * const resp = await fetch("https://httpbin.test/get");
 * print(resp.status, await resp.json());
 */
export async function simFetch(
  input: string | URL,
  init: RequestInit = {},
): Promise<SimFetchResponse> {
  const url = String(input);
  try {
    getRunningLoop();
  } catch {
    throw new TypeError("fetch needs a running event loop here: call it inside asyncio.run(main)");
  }
  shared ??= new ClientSession();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries((init.headers as Record<string, string>) ?? {}))
    headers[k] = pyStr(v);
  try {
    const resp = await shared.request(init.method ?? "GET", url, { ...bodyOf(init), headers });
    return new SimFetchResponse(resp);
  } catch (e) {
    if (e instanceof ClientConnectorError)
      throw new TypeError(
        `fetch failed: the sandbox has no network; only simulated hosts answer (${HTTPBIN_HOSTS.join(", ")}, and sites your program starts with web.TCPSite), not ${e.host}`,
      );
    if (e instanceof ClientError) throw new TypeError(`fetch failed: ${e.message}`);
    throw e;
  }
}
