import * as asyncio from "asyncio";

// A stand-in for the network: status, seconds until the headers arrive, body length.
const SERVER: Record<string, [number, number, number]> = {
  "https://httpbin.org/json": [200, 0.3, 429],
  "https://httpbin.org/uuid": [200, 0.2, 53],
  "https://httpbin.org/status/404": [404, 0.1, 0],
  "https://httpbin.org/delay/3": [200, 3.0, 270],
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

/** Stands in for aiohttp.ClientSession: at most `limit` connections, a timeout. */
class ClientSession {
  connections: asyncio.Semaphore;
  timeout: number;
  constructor(limit: number, timeout: number) {
    this.connections = new asyncio.Semaphore(limit);
    this.timeout = timeout;
  }

  // `async with session.get(url) as response:` becomes a callback: the
  // connection is held while the callback runs, and given back after.
  async get<T>(url: string, body: (response: Response) => Promise<T>): Promise<T> {
    await using _connection = await this.connections.hold(); // wait for a free one
    print(`GET ${url}`);
    await asyncio.timeout(this.timeout, () => asyncio.sleep(SERVER[url]![1]));
    return await body(new Response(url));
  }

  async close(): Promise<void> {
    await asyncio.sleep(0.1); // closing the pooled connections
    print("session closed");
  }
}

class OptimizedHttpClient implements AsyncDisposable {
  session: ClientSession | null = null;
  limit: number;
  timeout: number;
  constructor(limit: number, timeout: number) {
    this.limit = limit; // the seed: TCPConnector(limit=100, limit_per_host=30)
    this.timeout = timeout; // the seed: ClientTimeout(total=30, ...)
  }

  async enter(): Promise<this> {
    this.session = new ClientSession(this.limit, this.timeout);
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
          return { url, length: content.length, success: true };
        }
        return { url, status: response.status, success: false };
      });
    } catch (e) {
      if (e instanceof asyncio.CancelledError) throw e;
      return { url, error: (e as Error).name, success: false };
    }
  }
}

async function optimizedExample() {
  const urls = [
    "https://httpbin.org/json",
    "https://httpbin.org/uuid",
    "https://httpbin.org/status/404",
    "https://httpbin.org/delay/3",
  ];
  await using client = await new OptimizedHttpClient(2, 1.0).enter();
  const results = await asyncio.gather(...urls.map((url) => () => client.fetch(url)));
  for (const result of results) {
    print(result);
  }
}

asyncio.run(optimizedExample);
