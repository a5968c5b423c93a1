import * as asyncio from "asyncio";

// Three mirrors serve the same file; each answers after its own delay.
async function download(mirror: string, seconds: number): Promise<string> {
  await asyncio.sleep(seconds);
  return `${mirror}: 200 OK`;
}

async function main() {
  const tasks = [
    asyncio.createTask(() => download("mirror-a", 1.5), { name: "mirror-a" }),
    asyncio.createTask(() => download("mirror-b", 0.4), { name: "mirror-b" }),
    asyncio.createTask(() => download("mirror-c", 2.0), { name: "mirror-c" }),
  ];
  // Waits for all three, although one answer is enough.
  const results = await asyncio.gather(...tasks);
  print(results[0]);
}

asyncio.run(main);
