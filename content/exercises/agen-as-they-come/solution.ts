import * as asyncio from "asyncio";

// Fetching one page of results takes half a second.
async function fetchPage(n: number): Promise<string> {
  await asyncio.sleep(0.5);
  return `page ${n}: ${n * 10} results`;
}

// An async generator: hands over each page as soon as it has it.
async function* fetchAll(): AsyncGenerator<string> {
  for (let n = 1; n <= 4; n++) {
    yield await fetchPage(n);
  }
}

async function main(): Promise<void> {
  for await (const page of fetchAll()) {
    print(page);
  }
}

asyncio.run(main);
