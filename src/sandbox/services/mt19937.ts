/**
 * The Mersenne Twister (MT19937) exactly as CPython's `_randommodule.c` runs it, including its
 * `init_by_array` seeding, so a seeded generator yields the same 32-bit words as Python's.
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The generator's state and its 32-bit output. Python: the C core of `random.Random`. */
export class MersenneTwister {
  readonly #mt = new Uint32Array(N);
  #index = N + 1;

  /** Seed from 32-bit words, least significant first (CPython: `init_by_array`). */
  seedWords(key: readonly number[]): void {
    const mt = this.#mt;
    this.#initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = Math.max(1, key.length);
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = mt[i - 1]!;
      const x = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) >>> 0;
      mt[i] = (x + (key[j] ?? 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1]!;
      const x = (mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) >>> 0;
      mt[i] = (x - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.#index = N;
  }

  #initGenrand(s: number): void {
    const mt = this.#mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
    this.#index = N;
  }

  /** The next 32-bit word (CPython: `genrand_uint32`). */
  next32(): number {
    const mt = this.#mt;
    if (this.#index >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.#index = 0;
    }
    let y = mt[this.#index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

/** The 32-bit words of `|n|`, least significant first; `[0]` for 0 (CPython's int seeding). */
export function seedWordsOf(n: bigint): number[] {
  let v = n < 0n ? -n : n;
  if (v === 0n) return [0];
  const words: number[] = [];
  while (v > 0n) {
    words.push(Number(v & 0xffffffffn));
    v >>= 32n;
  }
  return words;
}
