import * as asyncio from "asyncio";

// Stands in for the network: url -> [status, seconds to answer, body length].
const SERVER: Record<string, [number, number, number]> = {
  "http://api/delay/1": [200, 1.0, 300],
  "http://api/json": [200, 0.3, 429],
  "http://api/uuid": [200, 0.25, 53],
  "http://api/status/503": [503, 0.1, 0],
  "http://api/delay/5": [200, 5.0, 0],
};
let inFlight = 0;

class ConnectionError extends Error {}

/** Stands in for `session.get(url)` and `await response.text()`. */
async function fakeGet(url: string, timeout: number): Promise<[number, string]> {
  if (!url.startsWith("http://")) throw new asyncio.ValueError("not a URL");
  inFlight += 1;
  print(`GET ${url.replace("http://api", "")} (${inFlight} in flight)`);
  try {
    return await asyncio.timeout(timeout, async () => {
      const [status, seconds, length] = SERVER[url]!;
      await asyncio.sleep(seconds);
      return [status, "x".repeat(length)];
    });
  } finally {
    inFlight -= 1;
  }
}

class AsyncHttpClient {
  timeout: number;
  semaphore: asyncio.Semaphore;
  constructor(timeout = 30, maxConcurrent = 100) {
    this.timeout = timeout;
    this.semaphore = new asyncio.Semaphore(maxConcurrent);
  }

  async fetchWithSemaphore(url: string) {
    await using _ = await this.semaphore.hold(); // at most maxConcurrent at once
    try {
      const [status] = await fakeGet(url, this.timeout);
      return { status, success: status < 400 };
    } catch (e) {
      // network trouble; anything else (CancelledError too) goes on up
      if (e instanceof ConnectionError || e instanceof asyncio.TimeoutError)
        return { error: e.constructor.name, success: false };
      throw e;
    }
  }

  async fetchBatch(urls: string[]) {
    const tasks = urls.map((url) => () => this.fetchWithSemaphore(url));
    const results = await asyncio.gather(...tasks, { returnExceptions: true });
    const processed = [];
    for (const result of results) {
      if (result instanceof Error) {
        // a bug, not the network
        processed.push({ error: result.message, success: false });
      } else {
        processed.push(result);
      }
    }
    return processed;
  }
}

async function main() {
  const client = new AsyncHttpClient(2, 3);
  const urls = [...Object.keys(SERVER), "api/json"];
  const results = await client.fetchBatch(urls);
  for (const [i, url] of urls.entries()) {
    print(url.replace("http://api", ""), results[i]);
  }
}

asyncio.run(main);
