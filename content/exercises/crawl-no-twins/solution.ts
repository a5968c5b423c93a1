import * as asyncio from "asyncio";

const SITE: Record<string, string[]> = {
  "/": ["/a", "/b"],
  "/a": ["/c", "/b"],
  "/b": ["/c", "/a"],
  "/c": ["/d", "/"],
  "/d": ["/e"],
  "/e": [],
};

async function fetchLinks(path: string) {
  print(`fetch ${path}`);
  await asyncio.sleep(0.2); // the network
  return SITE[path] ?? [];
}

const visited = new Set<string>();

async function crawl(path: string): Promise<void> {
  if (visited.has(path)) return;
  visited.add(path); // claim it before the await
  const links = await fetchLinks(path);
  await asyncio.gather(...links.map((l) => () => crawl(l)));
}

async function main() {
  await crawl("/");
  print(`${visited.size} pages`);
}

asyncio.run(main);
