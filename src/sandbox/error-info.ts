/** Turns anything thrown by reader code into the protocol's RunError, with its position. */
import type { RunError } from "./protocol.ts";

/** The first stack frame inside the reader's module (a blob: URL), as a 1-based position. */
export function readerPosition(
  stack: string | undefined,
  moduleUrl: string | null,
): RunError["position"] {
  if (!stack || !moduleUrl) return null;
  for (const line of stack.split("\n")) {
    const at = line.lastIndexOf(moduleUrl);
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(line.slice(at + moduleUrl.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return null;
}

export function toRunError(thrown: unknown, moduleUrl: string | null): RunError {
  if (thrown instanceof Error) {
    return {
      type: thrown.name || thrown.constructor.name || "Error",
      message: thrown.message,
      position: readerPosition(thrown.stack, moduleUrl),
    };
  }
  return {
    type: "Error",
    message: `a non-error value was thrown: ${String(thrown)}`,
    position: null,
  };
}
