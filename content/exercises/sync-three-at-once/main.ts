import * as asyncio from "asyncio";

// Downloads one page; the sleep is the network.
async function fetchPage(n: number): Promise<string> {
  print(`fetching page ${n}`);
  await asyncio.sleep(1);
  return `page ${n}`;
}

async function main() {
  const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  const pages = await asyncio.gather(...numbers.map((n) => () => fetchPage(n)));
  print(`got ${pages.length} pages`);
}

asyncio.run(main);
