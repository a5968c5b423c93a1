import * as asyncio from "asyncio";

/** At most `rate` entries in any `per` seconds. */
class RateLimiter {
  slots: asyncio.Semaphore;
  per: number;
  constructor(rate: number, per: number) {
    this.slots = new asyncio.Semaphore(rate);
    this.per = per;
  }

  async enter(): Promise<void> {
    await this.slots.acquire();
    // the slot comes back `per` seconds after it was taken,
    // however quickly the request itself finishes
    const loop = asyncio.getRunningLoop();
    loop.callLater(this.per, () => this.slots.release());
  }
}

async function callApi(limiter: RateLimiter, n: number) {
  await limiter.enter();
  print(`request ${n}`);
  await asyncio.sleep(0.1);
}

async function main() {
  const limiter = new RateLimiter(3, 1.0); // three requests a second
  await asyncio.TaskGroup.run(async (tg) => {
    for (let n = 1; n < 9; n++) {
      tg.createTask(() => callApi(limiter, n));
    }
  });
  print("all sent");
}

asyncio.run(main);
