/**
 * Python's `json.dumps`, so a body the TypeScript side serialises has the same bytes (and the
 * same length) as the one Python's stand-ins send: `", "` / `": "` separators, `indent`,
 * `sort_keys`, and `ensure_ascii` escapes. Numbers print as the runtime prints them (an
 * integral number as an int).
 */
import { pyRepr } from "../../runtime/asyncio/index.ts";

export interface DumpsOptions {
  indent?: number | null;
  sortKeys?: boolean;
}

function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

function number(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Number.POSITIVE_INFINITY) return "Infinity";
  if (n === Number.NEGATIVE_INFINITY) return "-Infinity";
  return pyRepr(n);
}

/**
 * Python's `json.dumps(value, indent=…, sort_keys=…)`.
 * @example
 * dumps({ a: 1, b: [true, null] }); // '{"a": 1, "b": [true, null]}'
 */
export function dumps(value: unknown, options: DumpsOptions = {}): string {
  const indent = options.indent ?? null;
  const itemSep = indent === null ? ", " : ",";
  const enc = (v: unknown, depth: number): string => {
    if (v === null || v === undefined) return "null";
    if (v === true) return "true";
    if (v === false) return "false";
    if (typeof v === "number") return number(v);
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "string") return quote(v);
    let items: string[];
    let open: string;
    let close: string;
    if (Array.isArray(v)) {
      items = v.map((x) => enc(x, depth + 1));
      [open, close] = ["[", "]"];
    } else if (typeof v === "object") {
      let entries = v instanceof Map ? [...v] : Object.entries(v as object);
      if (options.sortKeys) entries = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      items = entries.map(([k, x]) => `${quote(String(k))}: ${enc(x, depth + 1)}`);
      [open, close] = ["{", "}"];
    } else {
      throw new TypeError(`Object of type ${typeof v} is not JSON serializable`);
    }
    if (items.length === 0) return open + close;
    if (indent === null) return open + items.join(itemSep) + close;
    const pad = `\n${" ".repeat(indent * (depth + 1))}`;
    return `${open}${pad}${items.join(itemSep + pad)}\n${" ".repeat(indent * depth)}${close}`;
  };
  return enc(value, 0);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 bytes of a string. Python: `s.encode()`. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** A string from UTF-8 bytes. Python: `b.decode()`. */
export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}
