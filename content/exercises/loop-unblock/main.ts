import * as asyncio from "asyncio";

// A synchronous HTTP call, like Python's requests.get: it holds the whole loop until the
// reply arrives (blockingSleep is time.sleep: no other task runs meanwhile).
function getBlocking(url: string, seconds: number): string {
  asyncio.blockingSleep(seconds);
  return `${url}: 200 OK`;
}

async function fetchPage(url: string, seconds: number): Promise<string> {
  const reply = getBlocking(url, seconds);
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
