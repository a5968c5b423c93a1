import * as asyncio from "asyncio";
import * as random from "random";

random.seed(42); // the same jitter on every run, and in Python

// The network: what each URL answers on each try ("reset": the connection
// drops; "hang": no answer at all), the last entry repeating.
const PLANS: Record<string, (number | "reset" | "hang")[]> = {
  "http://api/flaky": [503, 503, 200],
  "http://api/status/500": [500],
  "http://api/status/404": [404],
  "http://api/reset-once": ["reset", 200],
  "http://api/hang-once": ["hang", 200],
};

/** Stands in for aiohttp.ClientError. */
class ClientError extends Error {
  override name = "ClientError";
}

/** Stands in for aiohttp.ClientSession: get() answers after 0.1 s. */
class FakeSession {
  tries = new Map(Object.keys(PLANS).map((url) => [url, 0]));

  async get(url: string, timeout: number): Promise<[number, string]> {
    const plan = PLANS[url]!;
    const tries = this.tries.get(url)!;
    const answer = plan[Math.min(tries, plan.length - 1)]!;
    this.tries.set(url, tries + 1);
    await asyncio.timeout(timeout, () => asyncio.sleep(answer === "hang" ? 60 : 0.1));
    if (answer === "reset") throw new ClientError("connection reset");
    return [answer as number, "x".repeat(100)];
  }

  async close() {
    await asyncio.sleep(0);
  }
}

class RobustHttpClient {
  maxRetries: number;
  baseDelay: number;
  session: FakeSession | null = null;
  constructor(maxRetries = 3, baseDelay = 1.0) {
    this.maxRetries = maxRetries;
    this.baseDelay = baseDelay;
  }

  async createSession() {
    this.session = new FakeSession();
  }

  async closeSession() {
    if (this.session) await this.session.close();
  }

  async fetchWithRetry(url: string) {
    const path = url.replace("http://api", "");
    let error = "";
    let attempt = 0;
    for (; attempt < this.maxRetries + 1; attempt++) {
      try {
        const [status] = await this.session!.get(url, 1);
        if (status === 200) {
          return { status, attempt: attempt + 1 };
        } else if (status >= 500) {
          // a server error: try again
          error = `HTTP ${status}`;
        } else {
          // a client error: trying again will not help
          return { status, attempt: attempt + 1 };
        }
      } catch (e) {
        // CancelledError is not ours to handle: let it through
        if (e instanceof asyncio.CancelledError) throw e;
        if (!(e instanceof ClientError || e instanceof asyncio.TimeoutError)) {
          // anything else is a bug: do not retry
          return { error: asyncio.pyRepr(e), attempt: attempt + 1 };
        }
        // the network: try again
        error = e.name;
      }
      if (attempt < this.maxRetries) {
        const delay = this.baseDelay * 2 ** attempt + random.uniform(0, 1);
        print(`${path}: ${error}, retry in ${delay.toFixed(2)}s`);
        await asyncio.sleep(delay);
      }
    }
    return { error, attempt };
  }
}

async function retryExample() {
  const client = new RobustHttpClient(3, 0.5);
  try {
    await client.createSession();
    const urls = Object.keys(PLANS);
    const results = await asyncio.gather(...urls.map((url) => () => client.fetchWithRetry(url)));
    for (const [i, url] of urls.entries()) {
      print(url.replace("http://api", ""), results[i]);
    }
  } finally {
    await client.closeSession();
  }
}

asyncio.run(retryExample);
