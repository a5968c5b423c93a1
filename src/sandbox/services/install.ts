/**
 * Installs the simulated services as the reader modules they stand for (`random`, `aiohttp`,
 * …) and gives the sandbox its `fetch`. Called once per run by `installGlobals`, before the
 * reader's module is imported; every run starts from the same state (seeds, counters, stores).
 */
import { READER_MODULES } from "../compile-options.ts";
import * as randomModule from "./random.ts";

/** What each reader module name resolves to in the worker. */
const MODULES: Record<string, object> = {
  random: randomModule,
};

/** Reset every service to its start state and install the modules as globals. */
export function installServices(g: Record<string, unknown>): void {
  randomModule._reset();
  for (const [name, module] of Object.entries(MODULES)) {
    const global = READER_MODULES[name];
    if (global) g[global] = module;
  }
}
