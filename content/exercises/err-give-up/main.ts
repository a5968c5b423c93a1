import * as asyncio from "asyncio";

class ConnectionError extends Error {}

let calls = 0;

async function callService(): Promise<string> {
  calls += 1;
  print(`attempt ${calls}`);
  await asyncio.sleep(0.1);
  throw new ConnectionError("service unavailable");
}

async function main() {
  const result = await callService();
  print(result);
}

asyncio.run(main);
