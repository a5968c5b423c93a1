/**
 * The one list of the modules a program on this site may import, on both sides: what the
 * TypeScript sandbox installs (the runtime's modules and the simulated services) and what the
 * Python recorder lets an example import (the standard library's, or a stand-in).
 *
 * Everything else that names these modules is derived from this list:
 * - `READER_MODULES` (the compiler's imports → globals) and the sandbox's installed globals;
 * - the editor's declarations (`scripts/emit-asyncio-dts.ts`, `scripts/emit-reader-dts.ts`);
 * - two generated files, written by `node scripts/sync-reader-modules.ts` and checked by
 *   `tests/unit/shared/reader-modules.test.ts`, for formats that cannot import this one:
 *   `tsconfig.json`'s `paths`, and the recorder's `standin_names.py`.
 */

/** How a module exists on the Python side. */
export type PythonSide =
  /** The standard library's own module (`asyncio`, `contextvars`, `signal`, `random`). */
  | "stdlib"
  /** A stand-in in `scripts/python/standins/<name>`, found instead of any installed package. */
  | "standin"
  /** A third-party package the chapters name but no example may use: importing it fails. */
  | "absent";

export interface ReaderModule {
  /** The name a program imports: `import * as aiohttp from "aiohttp"`, `import aiohttp`. */
  readonly name: string;
  /**
   * The TypeScript side, if there is one: the file that implements the module (from the
   * repository's root), and the global the worker installs it as (the compiled import reads it).
   */
  readonly ts: { readonly source: string; readonly global: string } | null;
  readonly python: PythonSide;
}

export const MODULES: readonly ReaderModule[] = [
  {
    name: "asyncio",
    ts: { source: "src/runtime/asyncio/index.ts", global: "__asyncio" },
    python: "stdlib",
  },
  {
    name: "contextvars",
    ts: { source: "src/runtime/asyncio/contextvars.ts", global: "__contextvars" },
    python: "stdlib",
  },
  {
    name: "signal",
    ts: { source: "src/runtime/asyncio/signals.ts", global: "__signal" },
    python: "stdlib",
  },
  {
    name: "os",
    ts: { source: "src/runtime/asyncio/os.ts", global: "__os" },
    python: "stdlib",
  },
  {
    name: "random",
    ts: { source: "src/sandbox/services/random.ts", global: "__random" },
    python: "stdlib",
  },
  {
    name: "aiohttp",
    ts: { source: "src/sandbox/services/aiohttp.ts", global: "__aiohttp" },
    python: "standin",
  },
  {
    name: "simulated",
    ts: { source: "src/sandbox/services/simulated.ts", global: "__simulated" },
    python: "standin",
  },
  {
    name: "asyncpg",
    ts: { source: "src/sandbox/services/asyncpg.ts", global: "__asyncpg" },
    python: "standin",
  },
  {
    name: "redis",
    ts: { source: "src/sandbox/services/redis.ts", global: "__redis" },
    python: "standin",
  },
  {
    name: "aiofiles",
    ts: { source: "src/sandbox/services/aiofiles.ts", global: "__aiofiles" },
    python: "standin",
  },
  {
    name: "unittest",
    ts: { source: "src/sandbox/services/unittest.ts", global: "__unittest" },
    python: "stdlib",
  },
  {
    name: "unittest.mock",
    ts: { source: "src/sandbox/services/unittest-mock.ts", global: "__unittest_mock" },
    python: "stdlib",
  },
  {
    name: "testrun",
    ts: { source: "src/sandbox/services/testrun.ts", global: "__testrun" },
    python: "standin",
  },
  // Python only: a TypeScript program uses fetch or aiohttp instead.
  { name: "httpx", ts: null, python: "standin" },
  // Named by the chapters' pitfalls (aioredis is now redis.asyncio; requests blocks the loop;
  // uvloop is a faster loop): an example that imports one fails rather than find it installed.
  { name: "aioredis", ts: null, python: "absent" },
  { name: "requests", ts: null, python: "absent" },
  { name: "uvloop", ts: null, python: "absent" },
];

const withTs = MODULES.filter(
  (m): m is ReaderModule & { ts: NonNullable<ReaderModule["ts"]> } => m.ts !== null,
);

/** Module name a TypeScript program may import → the global the worker installs it as. */
export const READER_MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  withTs.map((m) => [m.name, m.ts.global]),
);

const RUNTIME_DIR = "src/runtime/asyncio/";
const SERVICES_DIR = "src/sandbox/services/";

const baseName = (source: string, dir: string): string =>
  source.slice(dir.length).replace(/\.ts$/, "");

/**
 * The runtime's reader modules other than `asyncio` itself → their file in src/runtime/asyncio,
 * without `.ts` (`contextvars` → `contextvars`, `signal` → `signals`).
 */
export const RUNTIME_SUBMODULES: Readonly<Record<string, string>> = Object.fromEntries(
  withTs
    .filter((m) => m.ts.source.startsWith(RUNTIME_DIR) && m.name !== "asyncio")
    .map((m) => [m.name, baseName(m.ts.source, RUNTIME_DIR)]),
);

/** The simulated services' reader modules → their file in src/sandbox/services, without `.ts`. */
export const SERVICE_MODULES: Readonly<Record<string, string>> = Object.fromEntries(
  withTs
    .filter((m) => m.ts.source.startsWith(SERVICES_DIR))
    .map((m) => [m.name, baseName(m.ts.source, SERVICES_DIR)]),
);

/** `tsconfig.json`'s `compilerOptions.paths`: each reader module resolves to its source. */
export function tsconfigPaths(): Record<string, string[]> {
  return Object.fromEntries(withTs.map((m) => [m.name, [`./${m.ts.source}`]]));
}

/** The names the recorder keeps away from site-packages: stand-ins and absent packages. */
export function pythonGuardedNames(): string[] {
  return MODULES.filter((m) => m.python !== "stdlib")
    .map((m) => m.name)
    .sort();
}
