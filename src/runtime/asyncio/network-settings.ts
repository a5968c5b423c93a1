/** The simulated network's settings, and the address type its ends and servers show. */
import { PY_REPR } from "./format.ts";

/** The network's settings; `simulated.network({ latency, bandwidth })` changes them. */
export const networkSettings: { latency: number; bandwidth: number | null } = {
  latency: 0.01,
  bandwidth: null,
};

/** Back to the defaults (each run starts here). */
export function resetNetwork(): void {
  networkSettings.latency = 0.01;
  networkSettings.bandwidth = null;
}

/** An address: `[host, port]`, printed as Python's tuple `('127.0.0.1', 8888)`. */
export type Address = readonly [string, number];

/** `[host, port]` that prints as Python's tuple. */
export function address(host: string, port: number): Address {
  const a: [string, number] = [host, port];
  Object.defineProperty(a, PY_REPR, { value: () => `('${host}', ${port})` });
  return Object.freeze(a);
}
