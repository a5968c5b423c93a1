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
  // One after another: each download starts only when the previous one has finished.
  for (const [name, seconds] of files) {
    print(await download(name, seconds));
  }
}

asyncio.run(main);
