/**
 * lz-string's URI-safe compression of a long repeated text, without building the text.
 *
 * The tests need share links that expand to 100 million characters and more (issue 20's table:
 * a 30,388-character link that decodes to 99,991,033). lz-string's own compressor keeps its
 * dictionary as an object keyed by ever longer strings, so compressing 10 million characters
 * takes a minute; this is the same LZW, bit for bit (a unit test compares the two on many
 * inputs), with the dictionary as a trie of character codes and the text given as
 * `prefix + unit × count + suffix`, so it costs time in proportion to the text and memory in
 * proportion to the dictionary only.
 */
import { URI_ALPHABET } from "../../src/playground/editor/lz-bounded.ts";

const BITS_PER_CHAR = 6;

/** The text `prefix + unit.repeat(count) + suffix`, read one UTF-16 code unit at a time. */
export interface RepeatedText {
  prefix?: string;
  unit: string;
  count: number;
  suffix?: string;
}

/** Length of the text a RepeatedText stands for. */
export function repeatedLength(t: RepeatedText): number {
  return (t.prefix?.length ?? 0) + t.unit.length * t.count + (t.suffix?.length ?? 0);
}

class BitWriter {
  private readonly out: string[] = [];
  private value = 0;
  private position = 0;

  write(value: number, bits: number): void {
    let v = value;
    for (let i = 0; i < bits; i++) {
      this.value = (this.value << 1) | (v & 1);
      if (this.position === BITS_PER_CHAR - 1) {
        this.position = 0;
        this.out.push(URI_ALPHABET.charAt(this.value));
        this.value = 0;
      } else this.position++;
      v >>= 1;
    }
  }

  /** lz-string's flush: shift zeros in until the last character is complete. */
  finish(): string {
    for (;;) {
      this.value <<= 1;
      if (this.position === BITS_PER_CHAR - 1) {
        this.out.push(URI_ALPHABET.charAt(this.value));
        break;
      }
      this.position++;
    }
    return this.out.join("");
  }
}

/** A dictionary entry: its code, and the entries one character longer, by that character. */
interface Node {
  code: number;
  next: Map<number, Node>;
  /** A single character not yet sent as a literal (lz-string's `dictionaryToCreate`). */
  literalPending: boolean;
  char: number;
}

/** `lz.compressToEncodedURIComponent(text)`, for the text `t` stands for. */
export function compressRepeated(t: RepeatedText): string {
  const roots = new Map<number, Node>();
  const out = new BitWriter();
  let dictSize = 3;
  let numBits = 2;
  let enlargeIn = 2;
  const grow = () => {
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  const emit = (w: Node) => {
    if (w.literalPending) {
      if (w.char < 256) {
        out.write(0, numBits);
        out.write(w.char, 8);
      } else {
        out.write(1, numBits);
        out.write(w.char, 16);
      }
      grow();
      w.literalPending = false;
    } else out.write(w.code, numBits);
    grow();
  };
  let w: Node | null = null;
  /** The chain root, root·c, root·c·c… as far as the dictionary has it (grown as it grows). */
  const chains = new Map<Node, Node[]>();
  /** Where a node is in the chain of the run being written (only one run per text). */
  const depthInChain = new Map<Node, number>();
  const chainOf = (root: Node, c: number): Node[] => {
    let chain = chains.get(root);
    if (!chain) {
      chain = [root];
      chains.set(root, chain);
      depthInChain.set(root, 0);
    }
    for (let next = chain.at(-1)?.next.get(c); next; next = next.next.get(c)) {
      depthInChain.set(next, chain.length);
      chain.push(next);
    }
    return chain;
  };
  const step = (c: number) => {
    let root = roots.get(c);
    if (root === undefined) {
      root = { code: dictSize++, next: new Map(), literalPending: true, char: c };
      roots.set(c, root);
    }
    if (w === null) {
      w = root;
      return;
    }
    const wc = w.next.get(c);
    if (wc !== undefined) {
      w = wc;
      return;
    }
    emit(w);
    w.next.set(c, { code: dictSize++, next: new Map(), literalPending: false, char: -1 });
    w = root;
  };
  /**
   * `count` × the character `c`, in time proportional to the codes written, not the text: the
   * dictionary's chain c, cc, ccc… is walked in one jump to its end, where the next `c` writes
   * a code and lengthens the chain by one. That is what makes 450 million characters cheap.
   */
  const run = (c: number, count: number) => {
    let left = count;
    while (left > 0) {
      const root = roots.get(c);
      const chain = root ? chainOf(root, c) : null;
      const depth = w !== null ? (depthInChain.get(w) ?? -1) : -1;
      if (chain && depth >= 0) {
        const jump = Math.min(chain.length - 1 - depth, left);
        w = chain[depth + jump] ?? w;
        left -= jump;
        if (left === 0) break;
      }
      step(c);
      left--;
    }
  };
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) step(s.charCodeAt(i));
  };
  feed(t.prefix ?? "");
  if (t.unit.length === 1) {
    run(t.unit.charCodeAt(0), t.count);
  } else {
    const unit = Array.from({ length: t.unit.length }, (_, i) => t.unit.charCodeAt(i));
    for (let n = 0; n < t.count; n++) for (const c of unit) step(c);
  }
  feed(t.suffix ?? "");
  if (w !== null) emit(w);
  out.write(2, numBits);
  return out.finish();
}
