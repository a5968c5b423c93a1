/**
 * The one set of esbuild options for reader code, used by the build (esbuild in node) and by
 * the page (esbuild-wasm), so a precompiled example and an edited one behave the same.
 *
 * Reader code is bundled to one ES module. Its imports of the sandbox's modules (`asyncio`, …)
 * become reads of globals that the worker installs before it imports the code; any other
 * import is a compile error, because the sandbox has no network to fetch it from.
 */
import type { BuildOptions, Plugin } from "esbuild";
import { READER_FILE } from "./reader-file.ts";
import { READER_MODULES } from "./reader-modules.ts";

/** Module name a reader may import → the global the worker installs it as (see reader-modules.ts). */
export { READER_MODULES };

const NAMESPACE = "reader-module";

const readerModules: Plugin = {
  name: "reader-modules",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      if (Object.hasOwn(READER_MODULES, args.path))
        return { path: args.path, namespace: NAMESPACE };
      const known = Object.keys(READER_MODULES)
        .map((m) => `"${m}"`)
        .join(", ");
      return {
        errors: [{ text: `Cannot import "${args.path}" here: only ${known} can be imported.` }],
      };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: `module.exports = globalThis.${READER_MODULES[args.path]};`,
      loader: "js",
    }));
  },
};

export { READER_FILE };

/** esbuild options that compile one reader program (TypeScript source) to an ES module. */
export function readerBuildOptions(source: string): BuildOptions & { write: false } {
  return {
    stdin: { contents: source, loader: "ts", sourcefile: READER_FILE, resolveDir: "/" },
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    sourcemap: "inline",
    sourcesContent: false,
    write: false,
    logLevel: "silent",
    charset: "utf8",
    plugins: [readerModules],
  };
}
