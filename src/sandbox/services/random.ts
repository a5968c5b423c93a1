/**
 * Python's `random` module, bit for bit: the same seed gives the same numbers as CPython 3.11
 * (Mersenne Twister, `init_by_array` seeding for integers, `_randbelow` by rejection with
 * `getrandbits`). Reader code: `import * as random from "random"`. The module's own generator
 * starts seeded with 0, as the recorder seeds Python's; examples should still call `seed`.
 */
import { ValueError } from "../../runtime/asyncio/index.ts";
import { MersenneTwister, seedWordsOf } from "./mt19937.ts";
import { IndexError } from "./py-errors.ts";

function checkInt(x: number, arg: number): number {
  if (!Number.isSafeInteger(x)) throw new ValueError(`non-integer arg ${arg} for randrange()`);
  return x;
}

/** Python's `int.bit_length()` for a non-negative safe integer. */
function bitLength(n: number): number {
  return n < 4294967296 ? 32 - Math.clz32(n) : n.toString(2).length;
}

/** Python's `bisect.bisect_right(a, x, lo, hi)`. */
function bisectRight(a: readonly number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (x < a[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Options of `choices`, Python's keyword arguments. */
export interface ChoicesOptions {
  weights?: readonly number[];
  cumWeights?: readonly number[];
  k?: number;
}

/**
 * A generator of its own. Python: `random.Random(seed)`.
 * @example
 * const rng = new random.Random(42);
 * print(rng.randint(1, 10)); // 2, as Python's random.Random(42).randint(1, 10)
 */
export class Random {
  readonly #mt = new MersenneTwister();

  constructor(seed?: number | bigint) {
    this.seed(seed);
  }

  /**
   * Re-seed. Python: `rng.seed(a)` for an integer `a`; with no argument, from the platform's
   * entropy (not reproducible).
   * @example
   * rng.seed(7);
   */
  seed(a?: number | bigint | null): void {
    if (a === undefined || a === null) {
      const words = new Uint32Array(4);
      globalThis.crypto.getRandomValues(words);
      this.#mt.seedWords([...words]);
      return;
    }
    if (typeof a === "number" && !Number.isSafeInteger(a))
      throw new TypeError("random.seed here takes an integer (as Python's, for ints)");
    this.#mt.seedWords(seedWordsOf(BigInt(a)));
  }

  /**
   * A float in [0, 1) with 53 random bits. Python: `rng.random()`.
   * @example
   * new random.Random(0).random(); // 0.8444218515250481
   */
  random(): number {
    const a = this.#mt.next32() >>> 5;
    const b = this.#mt.next32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /**
   * An integer with `k` random bits (k ≤ 53 here). Python: `rng.getrandbits(k)`.
   * @example
   * rng.getrandbits(8); // 0..255
   */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0) throw new ValueError("number of bits must be non-negative");
    if (k > 53) throw new RangeError("getrandbits here returns at most 53 bits");
    if (k === 0) return 0;
    if (k <= 32) return this.#mt.next32() >>> (32 - k);
    const low = this.#mt.next32();
    const high = this.#mt.next32() >>> (64 - k);
    return high * 4294967296 + low;
  }

  /** CPython's `_randbelow_with_getrandbits`: an integer in [0, n), n > 0. */
  _randbelow(n: number): number {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /**
   * An integer from `range(start, stop, step)`. Python: `rng.randrange(start, stop=None, step=1)`.
   * @example
   * rng.randrange(10); // 0..9
   * rng.randrange(0, 100, 5); // 0, 5, …, 95
   */
  randrange(start: number, stop?: number | null, step = 1): number {
    const istart = checkInt(start, 1);
    if (stop === undefined || stop === null) {
      if (step !== 1) throw new TypeError("Missing a non-None stop argument");
      if (istart > 0) return this._randbelow(istart);
      throw new ValueError("empty range for randrange()");
    }
    const istop = checkInt(stop, 2);
    const width = istop - istart;
    const istep = checkInt(step, 3);
    if (istep === 1) {
      if (width > 0) return istart + this._randbelow(width);
      throw new ValueError(`empty range for randrange() (${istart}, ${istop}, ${width})`);
    }
    let n: number;
    if (istep > 0) n = Math.floor((width + istep - 1) / istep);
    else if (istep < 0) n = Math.floor((width + istep + 1) / istep);
    else throw new ValueError("zero step for randrange()");
    if (n <= 0) throw new ValueError("empty range for randrange()");
    return istart + istep * this._randbelow(n);
  }

  /**
   * An integer in [a, b], both ends included. Python: `rng.randint(a, b)`.
   * @example
   * rng.randint(1, 6); // a die
   */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  /**
   * A float between `a` and `b`: `a + (b - a) * random()`. Python: `rng.uniform(a, b)`.
   * @example
   * rng.uniform(0, 1); // jitter for a retry delay
   */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /**
   * One element. Python: `rng.choice(seq)` (IndexError when empty).
   * @example
   * rng.choice(["red", "green", "blue"]);
   */
  choice<T>(seq: ArrayLike<T>): T {
    if (seq.length === 0) throw new IndexError("Cannot choose from an empty sequence");
    return seq[this._randbelow(seq.length)]!;
  }

  /**
   * `k` elements chosen with replacement, optionally weighted.
   * Python: `rng.choices(population, weights=None, *, cum_weights=None, k=1)`.
   * @example
   * rng.choices(["a", "b"], { weights: [9, 1], k: 5 });
   */
  choices<T>(population: ArrayLike<T>, options: ChoicesOptions = {}): T[] {
    const n = population.length;
    const k = options.k ?? 1;
    let cum = options.cumWeights;
    const out: T[] = [];
    if (cum === undefined) {
      if (options.weights === undefined) {
        for (let i = 0; i < k; i++) out.push(population[Math.floor(this.random() * n)]!);
        return out;
      }
      let sum = 0;
      cum = options.weights.map((w) => {
        sum += w;
        return sum;
      });
    } else if (options.weights !== undefined) {
      throw new TypeError("Cannot specify both weights and cumulative weights");
    }
    if (cum.length !== n)
      throw new ValueError("The number of weights does not match the population");
    const total = cum[n - 1] ?? 0;
    if (total <= 0) throw new ValueError("Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw new ValueError("Total of weights must be finite");
    for (let i = 0; i < k; i++)
      out.push(population[bisectRight(cum, this.random() * total, 0, n - 1)]!);
    return out;
  }

  /**
   * Shuffle an array in place (Fisher–Yates, as CPython). Python: `rng.shuffle(x)`.
   * @example
   * const cards = [1, 2, 3, 4]; rng.shuffle(cards);
   */
  shuffle(x: unknown[]): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this._randbelow(i + 1);
      [x[i], x[j]] = [x[j], x[i]];
    }
  }

  /**
   * `k` distinct elements, in selection order. Python: `rng.sample(population, k)`.
   * @example
   * rng.sample([10, 20, 30, 40], 2);
   */
  sample<T>(population: ArrayLike<T>, k: number): T[] {
    const n = population.length;
    if (!(k >= 0 && k <= n)) throw new ValueError("Sample larger than population or is negative");
    const result: T[] = new Array(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = Array.from(population);
      for (let i = 0; i < k; i++) {
        const j = this._randbelow(n - i);
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this._randbelow(n);
        while (selected.has(j)) j = this._randbelow(n);
        selected.add(j);
        result[i] = population[j]!;
      }
    }
    return result;
  }
}

let inst = new Random(0);

/** The module's generator back to `seed(0)`, as at the start of a run (for tests and new runs). */
export function _reset(): void {
  inst = new Random(0);
}

/** Python: `random.seed(a)`. @example random.seed(42); */
export function seed(a?: number | bigint | null): void {
  inst.seed(a);
}
/** Python: `random.random()`. @example random.random(); // in [0, 1) */
export function random(): number {
  return inst.random();
}
/** Python: `random.getrandbits(k)`. @example random.getrandbits(16); */
export function getrandbits(k: number): number {
  return inst.getrandbits(k);
}
/** Python: `random.randrange(start, stop=None, step=1)`. @example random.randrange(10); */
export function randrange(start: number, stop?: number | null, step = 1): number {
  return inst.randrange(start, stop, step);
}
/** Python: `random.randint(a, b)`. @example random.randint(1, 6); */
export function randint(a: number, b: number): number {
  return inst.randint(a, b);
}
/** Python: `random.uniform(a, b)`. @example random.uniform(0, 1); */
export function uniform(a: number, b: number): number {
  return inst.uniform(a, b);
}
/** Python: `random.choice(seq)`. @example random.choice(["a", "b"]); */
export function choice<T>(seq: ArrayLike<T>): T {
  return inst.choice(seq);
}
/** Python: `random.choices(population, weights=None, *, cum_weights=None, k=1)`. @example random.choices([1, 2], { k: 3 }); */
export function choices<T>(population: ArrayLike<T>, options?: ChoicesOptions): T[] {
  return inst.choices(population, options);
}
/** Python: `random.shuffle(x)`. @example random.shuffle(items); */
export function shuffle(x: unknown[]): void {
  inst.shuffle(x);
}
/** Python: `random.sample(population, k)`. @example random.sample(items, 3); */
export function sample<T>(population: ArrayLike<T>, k: number): T[] {
  return inst.sample(population, k);
}
