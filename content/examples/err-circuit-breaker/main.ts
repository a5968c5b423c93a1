import * as asyncio from "asyncio";

class CircuitOpenError extends Error {}
class ConnectionError extends Error {}

/** After `threshold` failures in a row, fail fast for `cooldown` s. */
class CircuitBreaker {
  threshold: number;
  cooldown: number;
  failures = 0;
  openedAt: number | null = null; // null: closed, calls go through
  constructor(threshold = 3, cooldown = 1.0) {
    this.threshold = threshold;
    this.cooldown = cooldown;
  }

  async call<A extends unknown[], R>(func: (...args: A) => Promise<R>, ...args: A): Promise<R> {
    const now = asyncio.getRunningLoop().time();
    if (this.openedAt !== null) {
      if (now - this.openedAt < this.cooldown) {
        throw new CircuitOpenError("open: not even trying");
      }
      print("half-open: one trial call");
    }
    let result: R;
    try {
      result = await func(...args);
    } catch (e) {
      // Python's `except Exception`: a cancellation is not a failure
      if (!(e instanceof asyncio.CancelledError)) {
        this.failures += 1;
        if (this.failures >= this.threshold) {
          this.openedAt = asyncio.getRunningLoop().time();
        }
      }
      throw e;
    }
    this.failures = 0;
    this.openedAt = null; // closed again
    return result;
  }
}

/** A service that is down for its first 3.4 s. */
class Inventory {
  upAt = asyncio.getRunningLoop().time() + 3.4;

  stock = async (item: string) => {
    const started = asyncio.getRunningLoop().time();
    await asyncio.sleep(0.2);
    if (started < this.upAt) throw new ConnectionError("inventory down");
    return `${item}: 7 in stock`;
  };
}

async function main() {
  const service = new Inventory();
  const breaker = new CircuitBreaker(3, 1.0);
  for (let i = 0; i < 12; i++) {
    try {
      print(await breaker.call(service.stock, "apples"));
    } catch (e) {
      if (e instanceof CircuitOpenError) print(e.message);
      else if (e instanceof ConnectionError) print(`failed: ${e.message}`);
      else throw e;
    }
    await asyncio.sleep(0.3);
  }
}

asyncio.run(main);
