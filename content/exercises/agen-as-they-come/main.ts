import * as asyncio from "asyncio";

// Fetching one page of results takes half a second.
async function fetchPage(n: number): Promise<string> {
  await asyncio.sleep(0.5);
  return `page ${n}: ${n * 10} results`;
}

// Fetches every page, then hands them all over at once.
async function fetchAll(): Promise<string[]> {
  const pages: string[] = [];
  for (let n = 1; n <= 4; n++) {
    pages.push(await fetchPage(n));
  }
  return pages;
}

async function main(): Promise<void> {
  for (const page of await fetchAll()) {
    print(page);
  }
}

asyncio.run(main);
