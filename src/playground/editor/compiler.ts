/**
 * The page's compiler for edited examples: esbuild-wasm, self-hosted, started once per page in
 * its own worker. This module is a lazy chunk: `lazy.ts` imports it with `import()` when the
 * reader presses Edit (or runs an edit), so a page that is only read never downloads esbuild.
 *
 * Compiling goes through `compileWith` and `readerBuildOptions`, exactly as the build does
 * with native esbuild, so an edited example compiles as its unedited original did.
 */

import * as esbuild from "esbuild-wasm/esm/browser.js";
import { type BuildFunction, type CompileResult, compileWith } from "./compile-core.ts";

const build: BuildFunction = (options) =>
  esbuild.build(options as esbuild.BuildOptions & { write: false });

/** What the first build compiles when the caller has no program of its own to warm up with. */
const WARM_UP = 'import * as asyncio from "asyncio";\nexport { asyncio };\n';

let started: Promise<void> | null = null;
let ready = false;

/**
 * Starts esbuild-wasm on `wasmModule` (compiled by `lazy.ts` while it downloaded), in its own
 * worker, and compiles `warmUp` once. Idempotent: the first call starts it, later calls share
 * the promise. A failed start is forgotten, so the next call tries again.
 */
export function startCompiler(wasmModule: WebAssembly.Module, warmUp = WARM_UP): Promise<void> {
  if (!started) {
    started = esbuild
      .initialize({ wasmModule, worker: true })
      // The first build pays for warming the Go runtime inside the wasm, and V8 compiles each
      // wasm function the first time it runs: pay it now, before the reader presses Run, on a
      // program like theirs (an example's own code parses, transforms and maps what theirs
      // will), rather than on their first Run.
      .then(() => compileWith(build, warmUp))
      .then(
        () => {
          ready = true;
        },
        (error: unknown) => {
          started = null;
          throw error;
        },
      );
  }
  return started;
}

/** True once esbuild-wasm has started and `compile` will not wait for a download. */
export function isCompilerReady(): boolean {
  return ready;
}

/**
 * Compiles the reader's TypeScript to the ES module the sandbox runs (with an inline source
 * map for `mapPosition`). Call after `startCompiler`. Errors in the program come back as
 * `{ ok: false, diagnostics, message }`.
 */
export async function compile(source: string): Promise<CompileResult> {
  if (!started) throw new Error("The compiler has not been started");
  await started;
  return compileWith(build, source);
}
