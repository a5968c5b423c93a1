import * as asyncio from "asyncio";

class ConnectionError extends Error {}

let calls = 0;

async function callService(): Promise<string> {
  calls += 1;
  print(`attempt ${calls}`);
  await asyncio.sleep(0.1);
  throw new ConnectionError("service unavailable");
}

async function withRetry(tries: number, baseDelay: number): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await callService();
    } catch (e) {
      // only the network is worth another try; and never swallow a cancellation
      if (!(e instanceof ConnectionError)) throw e;
      if (attempt + 1 === tries) throw e; // the last try: give up
      await asyncio.sleep(baseDelay * 2 ** attempt); // 0.5 s, then 1 s
    }
  }
}

async function main() {
  try {
    const result = await withRetry(3, 0.5);
    print(result);
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    print(`gave up after 3 tries: ${e.message}`);
  }
}

asyncio.run(main);
