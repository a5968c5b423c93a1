import * as asyncio from "asyncio";

async function fetch(url: string): Promise<string> {
  await asyncio.sleep(1); // pauses this coroutine; the loop runs others meanwhile
  return `<html of ${url}>`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time(); // time.perf_counter() in Python: both read the loop's clock here
  const pages = await asyncio.gather(
    () => fetch("a.example"),
    () => fetch("b.example"),
    () => fetch("c.example"),
  );
  print(pages.length, `pages in ${(loop.time() - start).toFixed(1)}s`);
}

asyncio.run(main);
