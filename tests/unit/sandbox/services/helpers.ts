/** Run a program on the virtual clock with every simulated service reset first. */
import * as asyncio from "../../../../src/runtime/asyncio/index.ts";
import { resetServices } from "../../../../src/sandbox/services/install.ts";
import { record } from "../../runtime/helpers.ts";

export { asyncio };

/** The program's transcript, its result, and the trace, starting from fresh services. */
export function run<T>(main: () => Promise<T>) {
  resetServices();
  return record(main);
}

/** The loop's time now, rounded to the transcript's milliseconds. */
export function now(): number {
  return Math.round(asyncio.getRunningLoop().time() * 1000) / 1000;
}
