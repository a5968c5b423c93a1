/**
 * Python's `str()` and `repr()` for JavaScript values, so a printed line reads as the Python
 * program's does: `True`, `None`, `['a', 'b']`, `{'a': 1}`, `ValueError('x')`, `0.1`, `1e-07`.
 *
 * JavaScript has one number type: an integral number prints as a Python int (`2`, not `2.0`);
 * other numbers print as Python's float repr.
 */
import { ExceptionGroup, PyException, pyErrorMessage, pyTypeName } from "./errors.ts";

/** A hook an object can define to choose its Python `repr` (like `__repr__`). */
export const PY_REPR: unique symbol = Symbol.for("asyncio.pyRepr");

function floatRepr(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Number.POSITIVE_INFINITY) return "inf";
  if (n === Number.NEGATIVE_INFINITY) return "-inf";
  if (Number.isInteger(n)) {
    if (Object.is(n, -0)) return "-0.0";
    return Math.abs(n) < 1e21 ? n.toFixed(0) : BigInt(n).toString();
  }
  // Shortest round-trip digits, laid out as Python's repr does: exponent form when the
  // decimal exponent is < -4 or >= 16, with at least two exponent digits.
  const [mant, expText] = n.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  const sign = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${int}.${frac || "0"}`;
}

function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function reprInner(v: unknown, seen: Set<object>): string {
  if (v === null || v === undefined) return "None";
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "number":
      return floatRepr(v);
    case "bigint":
      return v.toString();
    case "string":
      return strRepr(v);
    case "symbol":
      return v.toString();
    case "function":
      return `<function ${v.name || "<lambda>"}>`;
  }
  const o = v as object;
  const custom = (o as { [PY_REPR]?: () => string })[PY_REPR];
  if (typeof custom === "function") return custom.call(o);
  if (seen.has(o)) return Array.isArray(o) ? "[...]" : "{...}";
  seen.add(o);
  try {
    if (o instanceof ExceptionGroup) {
      const subs = o.exceptions.map((e) => reprInner(e, seen)).join(", ");
      return `${pyTypeName(o)}(${strRepr(o.groupMessage)}, [${subs}])`;
    }
    if (o instanceof PyException) {
      return `${pyTypeName(o)}(${o.args.map((x) => reprInner(x, seen)).join(", ")})`;
    }
    if (o instanceof Error) {
      const msg = pyErrorMessage(o);
      return `${pyTypeName(o)}(${msg === "" ? "" : strRepr(msg)})`;
    }
    if (Array.isArray(o)) return `[${o.map((x) => reprInner(x, seen)).join(", ")}]`;
    if (o instanceof Set) {
      if (o.size === 0) return "set()";
      return `{${[...o].map((x) => reprInner(x, seen)).join(", ")}}`;
    }
    if (o instanceof Map) {
      const items = [...o].map(([k, x]) => `${reprInner(k, seen)}: ${reprInner(x, seen)}`);
      return `{${items.join(", ")}}`;
    }
    if (isPlainObject(o)) {
      const items = Object.entries(o).map(([k, x]) => `${strRepr(k)}: ${reprInner(x, seen)}`);
      return `{${items.join(", ")}}`;
    }
    const own = (o as { toString?: () => string }).toString;
    if (typeof own === "function" && own !== Object.prototype.toString) return own.call(o);
    // A class instance: shown like a dataclass, `Point(x=1, y=2)`.
    const name = (o as { constructor?: { name?: string } }).constructor?.name ?? "object";
    const fields = Object.entries(o).map(([k, x]) => `${k}=${reprInner(x, seen)}`);
    return `${name}(${fields.join(", ")})`;
  } finally {
    seen.delete(o);
  }
}

/**
 * Python's `repr(value)`.
 * @example
 * pyRepr(["a", 1, true, null]) // "['a', 1, True, None]"
 */
export function pyRepr(value: unknown): string {
  return reprInner(value, new Set());
}

/**
 * Python's `str(value)`: strings as they are, exceptions as their message, the rest as `repr`.
 * @example
 * pyStr("hi") // "hi"
 * pyStr(new asyncio.ValueError("x")) // "x"
 */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return pyErrorMessage(value);
  return pyRepr(value);
}

/**
 * A time as the transcript shows it: seconds with 3 decimals, rounded as Python's `f"{t:.3f}"`
 * (half to even on exact ties, where `toFixed` would round up).
 */
export function formatTime(t: number): string {
  const scaled = t * 1000;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && floor % 2 === 0) return (floor / 1000).toFixed(3);
  return t.toFixed(3);
}
