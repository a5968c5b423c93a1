import * as asyncio from "asyncio";

// Each download waits on the network for a while, then returns a summary.
async function download(name: string, seconds: number): Promise<string> {
  await asyncio.sleep(seconds);
  return `${name} downloaded in ${seconds.toFixed(1)}s`;
}

const files: [string, number][] = [
  ["a.csv", 0.2],
  ["b.csv", 1.0],
  ["c.csv", 0.4],
  ["d.csv", 0.8],
  ["e.csv", 0.6],
];

async function main(): Promise<void> {
  // All five at once: gather wraps each function in a task, and the waits overlap.
  // Its results come back in the order of its arguments, whichever task finished first.
  const results = await asyncio.gather(
    ...files.map(
      ([name, seconds]) =>
        () =>
          download(name, seconds),
    ),
  );
  for (const line of results) {
    print(line);
  }
}

asyncio.run(main);
