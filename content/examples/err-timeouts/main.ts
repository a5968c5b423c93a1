import * as asyncio from "asyncio";

const CACHE: Record<string, number> = { EUR: 1.08 };

async function liveRate(_currency: string, seconds: number) {
  await asyncio.sleep(seconds); // the rates service answers
  return 1.09;
}

async function rate(currency: string, seconds: number) {
  try {
    return await asyncio.timeout(0.5, () => liveRate(currency, seconds));
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e; // raised as the block is left
    print(`${currency}: live rate too slow, using the cache`);
    return CACHE[currency]!;
  }
}

async function main() {
  print("fast service:", await rate("EUR", 0.2));
  print("slow service:", await rate("EUR", 2.0));

  try {
    // one deadline for all the steps
    await asyncio.timeout(1.0, async () => {
      for (const step of [1, 2, 3]) {
        await asyncio.sleep(0.4);
        print(`step ${step} done`);
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("gave up: over 1 s for all steps");
  }
}

asyncio.run(main);
