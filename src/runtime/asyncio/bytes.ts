/** `Bytes`: what the streams read, Python's `bytes`. */
import { PY_REPR } from "./format.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Bytes read from a stream: a `Uint8Array` that decodes and prints as Python's `bytes` does.
 * Python: `bytes` (`b"hello\n"`).
 * @example
 * const line = await reader.readline(); // Python: line = await reader.readline()
 * print(line);                           // b'hello\n'
 * print(line.decode().trim());           // hello
 */
export class Bytes extends Uint8Array {
  /** Python: `bytes.decode()` (UTF-8). */
  decode(): string {
    return decoder.decode(this);
  }

  /** Python: `repr(b)`, e.g. `b'hi\n'`. */
  [PY_REPR](): string {
    let quote = "'";
    if (this.includes(0x27) && !this.includes(0x22)) quote = '"';
    let out = "";
    for (const c of this) {
      if (c === 0x5c) out += "\\\\";
      else if (c === 0x09) out += "\\t";
      else if (c === 0x0a) out += "\\n";
      else if (c === 0x0d) out += "\\r";
      else if (c === quote.charCodeAt(0)) out += `\\${quote}`;
      else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
      else out += `\\x${c.toString(16).padStart(2, "0")}`;
    }
    return `b${quote}${out}${quote}`;
  }

  override toString(): string {
    return this[PY_REPR]();
  }

  /** Bytes holding a copy of `data` (a string is encoded as UTF-8). Python: `b"…"`, `s.encode()`. */
  static from_(data: Uint8Array | string): Bytes {
    const src = typeof data === "string" ? encoder.encode(data) : data;
    const out = new Bytes(src.length);
    out.set(src);
    return out;
  }
}

/** Python: `b"…"` / `text.encode()`: the UTF-8 bytes of `text`. */
export function encode(text: string): Bytes {
  return Bytes.from_(text);
}

/** The data a transport or writer accepts: bytes, or (in TypeScript only) a string sent as UTF-8. */
export type BytesLike = Uint8Array | string;

/** `data` as a Uint8Array; a string becomes its UTF-8 bytes. */
export function toBytes(data: BytesLike): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}
