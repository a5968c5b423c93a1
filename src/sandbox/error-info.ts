/** Turns anything thrown by reader code into the protocol's RunError, with its position. */
import type { RunError } from "./protocol.ts";

/** What an error that cannot be turned into text (a `toString` or getter that throws) reads as. */
export const UNPRINTABLE = "an exception that could not be printed";

/** The first stack frame inside the reader's module (a blob: URL), as a 1-based position. */
export function readerPosition(
  stack: string | undefined,
  moduleUrl: string | null,
): RunError["position"] {
  if (typeof stack !== "string" || !moduleUrl) return null;
  for (const line of stack.split("\n")) {
    const at = line.lastIndexOf(moduleUrl);
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(line.slice(at + moduleUrl.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return null;
}

function readThrown(thrown: unknown, moduleUrl: string | null): RunError {
  if (thrown instanceof Error) {
    const { name, message, stack } = thrown;
    const type = name || thrown.constructor.name || "Error";
    if (typeof type !== "string" || typeof message !== "string") throw new TypeError(UNPRINTABLE);
    return { type, message, position: readerPosition(stack, moduleUrl) };
  }
  return {
    type: "Error",
    message: `a non-error value was thrown: ${String(thrown)}`,
    position: null,
  };
}

/**
 * The RunError for a thrown value; `printable` is false when reading it threw (a `toString`,
 * a getter or a proxy trap of the reader's), and the error then says only that.
 */
export function describeThrown(
  thrown: unknown,
  moduleUrl: string | null,
): { error: RunError; printable: boolean } {
  try {
    return { error: readThrown(thrown, moduleUrl), printable: true };
  } catch {
    return { error: { type: "Error", message: UNPRINTABLE, position: null }, printable: false };
  }
}

export function toRunError(thrown: unknown, moduleUrl: string | null): RunError {
  return describeThrown(thrown, moduleUrl).error;
}
