/**
 * Builds the editor harness: a page with one example widget in the DOM the site renders, so the
 * editor can be tried and measured before the real widget is wired. Not part of the site.
 * `npx vite build -c bench/editor-harness/vite.config.ts` then `npx vite preview -c …`.
 */
import * as esbuild from "esbuild";
import { defineConfig } from "vite";
import { readerBuildOptions } from "../../src/shared/compile-options.ts";
import { ORIGINAL } from "./example.ts";

const precompiled = (await esbuild.build(readerBuildOptions(ORIGINAL))).outputFiles[0]!.text;

export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: "/tmp/editor-harness-dist", emptyOutDir: true, assetsInlineLimit: 0 },
  worker: { format: "es" },
  define: { __PRECOMPILED__: JSON.stringify(precompiled) },
  preview: { port: 4391, strictPort: true },
});
