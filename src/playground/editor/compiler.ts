/// <reference types="vite/client" />
/**
 * The page's compiler for edited examples: esbuild-wasm, self-hosted, started once per page in
 * its own worker. This module is a lazy chunk: `index.ts` imports it with `import()` when the
 * reader first types, so a page that is only read never downloads esbuild.
 *
 * Compiling goes through `compileWith` and `readerBuildOptions`, exactly as the build does
 * with native esbuild, so an edited example compiles as its unedited original did.
 */

// `?url` makes Vite copy esbuild.wasm into the build output and give its URL: never a CDN.
import wasmAsset from "esbuild-wasm/esbuild.wasm?url";
import * as esbuild from "esbuild-wasm/esm/browser.js";
import { type BuildFunction, type CompileResult, compileWith } from "./compile-core.ts";

const build: BuildFunction = (options) =>
  esbuild.build(options as esbuild.BuildOptions & { write: false });

const WARM_UP = 'import * as asyncio from "asyncio";\nexport { asyncio };\n';

let started: Promise<void> | null = null;
let ready = false;

/**
 * Starts esbuild-wasm (idempotent: the first call starts it, later calls share the promise).
 * A failed start is forgotten, so the next call tries again.
 */
export function startCompiler(): Promise<void> {
  if (!started) {
    // The worker esbuild creates is a blob: it needs an absolute URL to fetch the wasm.
    const wasmURL = new URL(wasmAsset, location.href).href;
    started = esbuild
      .initialize({ wasmURL, worker: true })
      // The first build pays for warming the Go runtime inside the wasm; pay it now, before the
      // reader presses Run, rather than on their first Run.
      .then(() => compileWith(build, WARM_UP))
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
 * map for `mapPosition`). Starts the compiler if needed. Errors in the program come back as
 * `{ ok: false, diagnostics, message }`; only a failure to start esbuild rejects.
 */
export async function compile(source: string): Promise<CompileResult> {
  await startCompiler();
  return compileWith(build, source);
}
