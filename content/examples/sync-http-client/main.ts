import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

class AsyncHttpClient {
  timeout: aiohttp.ClientTimeout;
  semaphore: asyncio.Semaphore;
  inFlight = 0; // to watch the limit at work
  constructor(timeout = 30, maxConcurrent = 100) {
    this.timeout = new aiohttp.ClientTimeout({ total: timeout });
    this.semaphore = new asyncio.Semaphore(maxConcurrent);
  }

  async fetchWithSemaphore(session: aiohttp.ClientSession, url: string) {
    await using _ = await this.semaphore.hold(); // at most maxConcurrent at once
    this.inFlight += 1;
    print(`GET ${url.slice(19)} (${this.inFlight} in flight)`);
    try {
      await using response = await session.get(url, { timeout: this.timeout });
      const content = await response.text();
      return {
        status: response.status,
        length: content.length,
        success: response.status < 400,
      };
    } catch (e) {
      // the network; anything else (CancelledError too) goes on up
      if (e instanceof aiohttp.ClientError || e instanceof asyncio.TimeoutError) {
        return { error: e.name, success: false };
      }
      throw e;
    } finally {
      this.inFlight -= 1;
    }
  }

  async fetchBatch(urls: string[]) {
    const connector = new aiohttp.TCPConnector({ limit: 100, limitPerHost: 30 });
    await using session = new aiohttp.ClientSession({ connector });
    const tasks = urls.map((url) => () => this.fetchWithSemaphore(session, url));
    const results = await asyncio.gather(...tasks, { returnExceptions: true });
    const processedResults = [];
    for (const result of results) {
      if (result instanceof Error) {
        // anything else: a bug
        processedResults.push({ error: asyncio.pyRepr(result) });
      } else {
        processedResults.push(result);
      }
    }
    return processedResults;
  }
}

async function main() {
  const client = new AsyncHttpClient(2, 3);
  const urls = [
    "https://httpbin.org/delay/1",
    "https://httpbin.org/json",
    "https://httpbin.org/delay/0.3",
    "https://httpbin.org/status/503",
    "https://httpbin.org/delay/5",
  ];
  const results = await client.fetchBatch(urls);
  for (const [i, url] of urls.entries()) {
    print(url.slice(19), results[i]);
  }
}

asyncio.run(main);
