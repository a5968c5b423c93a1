import * as asyncio from "asyncio";

// An asynchronous HTTP call, like httpx.AsyncClient().get or aiohttp in Python: it awaits the
// reply, so the loop runs the other tasks while this one waits.
async function getAsync(url: string, seconds: number): Promise<string> {
  await asyncio.sleep(seconds);
  return `${url}: 200 OK`;
}

async function fetchPage(url: string, seconds: number): Promise<string> {
  const reply = await getAsync(url, seconds);
  return reply;
}

async function main(): Promise<void> {
  const lines = await asyncio.gather(
    () => fetchPage("a.example", 1),
    () => fetchPage("b.example", 1),
    () => fetchPage("c.example", 1),
  );
  for (const line of lines) print(line);
}

asyncio.run(main);
