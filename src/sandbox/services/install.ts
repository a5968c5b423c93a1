/**
 * Installs the simulated services as the reader modules they stand for (`random`, `aiohttp`,
 * …) and gives the sandbox its `fetch`. Called once per run by `installGlobals`, before the
 * reader's module is imported; every run starts from the same state (seeds, counters, stores).
 */
import { READER_MODULES } from "../../shared/compile-options.ts";
import * as aiofilesModule from "./aiofiles.ts";
import * as aiohttpModule from "./aiohttp.ts";
import * as asyncpgModule from "./asyncpg.ts";
import * as fetchModule from "./fetch.ts";
import * as httpWorld from "./http-world.ts";
import * as httpbin from "./httpbin.ts";
import * as memfs from "./memfs.ts";
import * as pgSql from "./pg-sql.ts";
import * as randomModule from "./random.ts";
import * as redisModule from "./redis.ts";
import * as simulatedModule from "./simulated.ts";
import * as testrunModule from "./testrun.ts";
import * as unittestModule from "./unittest.ts";
import * as unittestMockModule from "./unittest-mock.ts";

/** What each reader module name resolves to in the worker. */
const MODULES: Record<string, object> = {
  random: randomModule,
  aiohttp: aiohttpModule,
  simulated: simulatedModule,
  asyncpg: asyncpgModule,
  redis: redisModule,
  aiofiles: aiofilesModule,
  unittest: unittestModule,
  "unittest.mock": unittestMockModule,
  testrun: testrunModule,
};

/** Every service back to its start state: seeds, counters, stores, started sites, settings. */
export function resetServices(): void {
  randomModule._reset();
  simulatedModule._reset();
  httpWorld._reset();
  httpbin._reset();
  fetchModule._reset();
  memfs._reset();
  pgSql._reset();
  asyncpgModule._reset();
  redisModule._reset();
}

/** Reset every service and install the modules (and `fetch`) as globals. */
export function installServices(g: Record<string, unknown>): void {
  resetServices();
  g.fetch = fetchModule.simFetch;
  for (const [name, module] of Object.entries(MODULES)) {
    const global = READER_MODULES[name];
    if (global) g[global] = module;
  }
}
