/**
 * lz-string's `decompressFromEncodedURIComponent`, with a limit on what it may produce: it gives
 * up as soon as the output would pass `maxOutput` characters. lz-string's format lets a short
 * input expand enormously (a 30,000-character link to 100 million characters), and the library
 * decodes it all before anyone can look at the size; this stops after a bounded amount of work,
 * so no link can make the page do more than a legitimate one does.
 */

/** lz-string's URI-safe alphabet: a character's index is the 6 bits it carries. */
export const URI_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
const VALUE = new Map([...URI_ALPHABET].map((ch, i) => [ch, i]));

export type BoundedResult =
  | { kind: "text"; text: string }
  /** The input is not lz-string's URI form (or decodes to nothing). */
  | { kind: "damaged" }
  /** The output would be longer than the limit. */
  | { kind: "too-long" };

class BitReader {
  #input: string;
  #index = 0;
  #value = 0;
  #position = 0;
  bad = false;

  constructor(input: string) {
    this.#input = input;
    this.#next();
  }

  #next(): void {
    const at = this.#index++;
    const v = VALUE.get(this.#input.charAt(at));
    // Reading one value past the end is how lz-string's own decoder finishes a stream.
    if (v === undefined && at < this.#input.length) this.bad = true;
    this.#value = v ?? 0;
    this.#position = 32;
  }

  get exhausted(): boolean {
    return this.#index > this.#input.length;
  }

  read(bitCount: number): number {
    let bits = 0;
    for (let power = 0; power < bitCount; power++) {
      const bit = this.#value & this.#position;
      this.#position >>= 1;
      if (this.#position === 0) this.#next();
      if (bit) bits |= 1 << power;
    }
    return bits >>> 0;
  }
}

/** Decodes `input` (lz-string's URI-safe form), or says why not, doing work bounded by `maxOutput`. */
export function decompressBounded(input: string, maxOutput: number): BoundedResult {
  if (input.length === 0) return { kind: "damaged" };
  const r = new BitReader(input.replaceAll(" ", "+"));
  const dictionary: string[] = ["", "", ""];
  let enlargeIn = 4;
  let numBits = 3;
  const first = r.read(2);
  if (first === 2 || first > 2) return { kind: "damaged" };
  let w = String.fromCharCode(r.read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const parts = [w];
  let length = w.length;
  for (;;) {
    if (r.exhausted || r.bad) return { kind: "damaged" };
    let c = r.read(numBits);
    if (c === 0 || c === 1) {
      dictionary.push(String.fromCharCode(r.read(c === 0 ? 8 : 16)));
      c = dictionary.length - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    } else if (c === 2) {
      return { kind: "text", text: parts.join("") };
    }
    let entry: string;
    if (c < dictionary.length && dictionary[c] !== undefined && c > 2) entry = dictionary[c]!;
    else if (c === dictionary.length) entry = w + w.charAt(0);
    else return { kind: "damaged" };
    length += entry.length;
    if (length > maxOutput) return { kind: "too-long" };
    parts.push(entry);
    dictionary.push(w + entry.charAt(0));
    w = entry;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
