/**
 * The order a Predict exercise first shows its lines in: shuffled, the same on every build
 * (seeded by the example's id), and never the right order. Pure.
 */

/** FNV-1a: a small, stable 32-bit hash of the seed string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded generator of floats in [0, 1). */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function permutation(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * A shuffled order of `items` as indices into it: `order[k]` is the item shown at position k.
 * Deterministic for a seed; for two or more items never the identity, and, when the items
 * are not all equal, never an order that reads the same as the right one.
 *
 * @example
 * shuffledOrder(["a", "b", "c"], "hello-gather") // e.g. [2, 0, 1], the same every time
 */
export function shuffledOrder(items: readonly string[], seed: string): number[] {
  const n = items.length;
  const random = generator(hash(seed));
  const readsRight = (order: number[]) => order.every((i, k) => items[i] === items[k]);
  const identity = (order: number[]) => order.every((i, k) => i === k);
  let order = permutation(n, random);
  for (let tries = 0; tries < 50 && n >= 2 && (identity(order) || readsRight(order)); tries++) {
    order = permutation(n, random);
  }
  if (n >= 2 && identity(order)) order = [...order.slice(1), order[0] as number];
  return order;
}
