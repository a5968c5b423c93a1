import * as asyncio from "asyncio";

// Resizes one image; image 3 is corrupt.
async function resize(n: number): Promise<string> {
  await asyncio.sleep(0.2 * n);
  if (n === 3) throw new asyncio.ValueError(`image ${n} is corrupt`);
  return `image ${n} resized`;
}

async function main() {
  // returnExceptions: a failure becomes that slot's result instead of propagating.
  const results = await asyncio.gather(
    () => resize(1),
    () => resize(2),
    () => resize(3),
    () => resize(4),
    () => resize(5),
    { returnExceptions: true },
  );
  for (const result of results) {
    if (result instanceof Error) print(`failed: ${result.message}`);
    else print(result);
  }
}

asyncio.run(main);
