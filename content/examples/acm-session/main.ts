import * as asyncio from "asyncio";

// A stand-in for https://httpbin.org: for each path, the status,
// seconds until the headers arrive, and the body's length.
const SERVER: Record<string, [number, number, number]> = {
  "/json": [200, 0.3, 429],
  "/uuid": [200, 0.2, 53],
  "/status/404": [404, 0.1, 0],
  "/delay/3": [200, 3.0, 270],
};

class Response {
  status: number;
  length: number;
  constructor(url: string) {
    [this.status, , this.length] = SERVER[url]!;
  }

  async text(): Promise<string> {
    await asyncio.sleep(0.1); // the body arrives
    return "x".repeat(this.length);
  }
}

/**
 * Stands in for aiohttp.ClientSession: a base URL,
 * at most `limit` connections, a timeout.
 */
class ClientSession {
  baseUrl: string;
  connections: asyncio.Semaphore;
  timeout: number;
  constructor(baseUrl: string, limit: number, timeout: number) {
    this.baseUrl = baseUrl;
    this.connections = new asyncio.Semaphore(limit);
    this.timeout = timeout;
  }

  // `async with session.get(url) as response:` becomes a callback: the
  // connection is held while the callback runs, and given back after.
  async get<T>(url: string, body: (r: Response) => Promise<T>): Promise<T> {
    // Wait for a free connection; it is given back when get() returns.
    await using _connection = await this.connections.hold();
    print(`GET ${url}`);
    // Request out, headers back.
    const wait = SERVER[url]![1];
    await asyncio.timeout(this.timeout, () => asyncio.sleep(wait));
    return await body(new Response(url));
  }

  async close(): Promise<void> {
    await asyncio.sleep(0.1); // closing the pooled connections
    print("session closed");
  }
}

class OptimizedHttpClient implements AsyncDisposable {
  session: ClientSession | null = null;
  baseUrl: string;
  limit: number;
  timeout: number;
  constructor(baseUrl: string, limit: number, timeout: number) {
    this.baseUrl = baseUrl;
    // With real aiohttp: TCPConnector(limit=100, limit_per_host=30)
    this.limit = limit;
    // With real aiohttp: ClientTimeout(total=30, connect=10, ...)
    this.timeout = timeout;
  }

  async enter(): Promise<this> {
    this.session = new ClientSession(this.baseUrl, this.limit, this.timeout);
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (this.session) await this.session.close();
  }

  async fetch(url: string): Promise<Record<string, unknown>> {
    try {
      return await this.session!.get(url, async (response) => {
        if (response.status === 200) {
          const content = await response.text();
          return { url, length: content.length, ok: true };
        }
        return { url, status: response.status, ok: false };
      });
    } catch (e) {
      if (e instanceof asyncio.CancelledError) throw e;
      return { url, error: (e as Error).name, ok: false };
    }
  }
}

async function optimizedExample() {
  const urls = ["/json", "/uuid", "/status/404", "/delay/3"];
  await using client = await new OptimizedHttpClient("https://httpbin.org", 2, 1.0).enter();
  const results = await asyncio.gather(...urls.map((url) => () => client.fetch(url)));
  for (const result of results) {
    print(result);
  }
}

asyncio.run(optimizedExample);
