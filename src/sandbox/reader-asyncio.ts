/**
 * The `asyncio` module as reader code sees it: the runtime's public API without the host's
 * controls (`configure`, `resetRuntime`, `host`), frozen. The sandbox sets the clock, the trace
 * and the step and time limits of every run; a program that could call `configure` could lift
 * them or take the trace away from the page.
 */
import type * as Asyncio from "../runtime/asyncio/index.ts";

const HOST_ONLY = new Set(["configure", "resetRuntime", "host"]);

export function readerAsyncio(asyncio: typeof Asyncio): Readonly<Record<string, unknown>> {
  const api: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(asyncio)) {
    if (!HOST_ONLY.has(name)) api[name] = value;
  }
  api.configure = () => {
    throw new asyncio.RuntimeError(
      "asyncio.configure is not available here: the page sets the clock and the limits of every run",
    );
  };
  return Object.freeze(api);
}
