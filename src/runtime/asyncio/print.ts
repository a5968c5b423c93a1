/**
 * `print`: Python's `print()`, writing through the loop so each line is stamped with the time and
 * the task that wrote its first character.
 */
import { pyStr } from "./format.ts";
import { config, state } from "./state.ts";
import type { TraceEvent } from "./trace.ts";

/** Python's `print` keyword arguments. */
export interface PrintOptions {
  /** Between arguments; default " ". */
  sep?: string;
  /** After the last argument; default "\n". */
  end?: string;
  /** Accepted for Python parity; output is always flushed line by line. */
  flush?: boolean;
}

const OPTION_KEYS = new Set(["sep", "end", "flush"]);

function isPrintOptions(x: unknown): x is PrintOptions {
  if (typeof x !== "object" || x === null || Object.getPrototypeOf(x) !== Object.prototype)
    return false;
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => OPTION_KEYS.has(k));
}

let outsideLine: string | null = null;

function emitOutside(ev: TraceEvent): void {
  if (config.trace) config.trace(ev);
  else if (ev.type === "print") console.log(ev.text);
}

/**
 * Write raw text to the program's output (no formatting, no newline added). Lines are stamped
 * with the current task and loop time; outside a run they have no task, and the time of the
 * program's clock when all its runs share one (the sandbox's virtual clock), else `t=0`.
 * The sandbox's `console.log` writes through this.
 * @example
 * asyncio.write("no newline yet... ");
 * asyncio.write("done\n");
 */
export function write(text: string): void {
  const loop = state.loop;
  if (loop && !loop._closed) {
    loop._write(text);
    return;
  }
  const parts = text.split("\n");
  for (let i = 0; i < parts.length - 1; i++) {
    emitOutside({
      type: "print",
      t: typeof config.clock === "object" ? config.clock.now() : 0,
      task: null,
      name: null,
      text: (outsideLine ?? "") + parts[i],
    });
    outsideLine = null;
  }
  const rest = parts[parts.length - 1]!;
  if (rest) outsideLine = (outsideLine ?? "") + rest;
}

/**
 * Print like Python: arguments formatted with `str()` (`True`, `None`, `['a', 1]`,
 * `{'k': 2}`), joined by `sep`, followed by `end`. Pass options as the last argument.
 * Python: `print(*objects, sep=' ', end='\n')`.
 *
 * A plain object whose keys are only `sep`/`end`/`flush` is taken as options, not printed.
 * @example
 * print("Hello", "Alice");             // Hello Alice
 * print([1, "a"], true, null);         // [1, 'a'] True None
 * print("a", "b", { sep: "-", end: "!\n" }); // a-b!
 */
export function print(...args: unknown[]): void {
  let sep = " ";
  let end = "\n";
  if (args.length > 0 && isPrintOptions(args[args.length - 1])) {
    const o = args.pop() as PrintOptions;
    if (o.sep !== undefined && o.sep !== null) sep = o.sep;
    if (o.end !== undefined && o.end !== null) end = o.end;
  }
  write(args.map(pyStr).join(sep) + end);
}
