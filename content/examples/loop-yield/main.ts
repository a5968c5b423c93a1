import * as asyncio from "asyncio";

function checksum(block: number): number {
  // Pure CPU work: no await in here, so nothing else can run until it returns.
  let total = 0;
  for (let i = 0; i < 100_000; i++) total = (total + i * block) % 1_000_003;
  return total;
}

async function crunch(name: string, blocks: number): Promise<void> {
  for (let block = 1; block <= blocks; block++) {
    checksum(block);
    print(`${name}: block ${block} done`);
    // a bare yield: others get a turn
    await asyncio.sleep(0);
  }
}

async function main() {
  await asyncio.gather(
    () => crunch("A", 3),
    () => crunch("B", 3),
  );
}

asyncio.run(main);
