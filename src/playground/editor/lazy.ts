/// <reference types="vite/client" />
/**
 * The heavy parts of editing, each fetched once per page with `import()` and kept warm for it:
 * the editor chunk (Monaco, with the site's Shiki themes) and the compiler (esbuild-wasm's
 * chunk, and its WebAssembly module, compiled while it streams in). Nothing else in the
 * always-loaded controller may import them; a failed load is forgotten so the next attempt
 * retries.
 */
// Only the URL (a string) is in the always-loaded code; `?url` self-hosts the file: never a CDN.
import wasmAsset from "esbuild-wasm/esbuild.wasm?url";

type CompilerModule = typeof import("./compiler.ts");
type EditorModule = typeof import("./monaco-editor.ts");

let compilerModule: Promise<CompilerModule> | null = null;
let editorModule: Promise<EditorModule> | null = null;
let wasmModule: Promise<WebAssembly.Module> | null = null;
let compilerStarted: Promise<CompilerModule> | null = null;

function once<T>(load: () => Promise<T>, forget: () => void): Promise<T> {
  return load().catch((e: unknown) => {
    forget();
    throw e;
  });
}

export function loadCompiler(): Promise<CompilerModule> {
  compilerModule ??= once(
    () => import("./compiler.ts"),
    () => {
      compilerModule = null;
    },
  );
  return compilerModule;
}

/**
 * esbuild's WebAssembly, compiled as it downloads (`compileStreaming`), from the HTTP cache and
 * the browser's compiled-code cache on later pages. Falls back to a plain compile when the
 * host serves `.wasm` with another content type.
 */
function compileWasm(): Promise<WebAssembly.Module> {
  wasmModule ??= once(
    async () => {
      const url = new URL(wasmAsset, location.href).href;
      try {
        return await WebAssembly.compileStreaming(fetch(url));
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        const response = await fetch(url);
        return WebAssembly.compile(await response.arrayBuffer());
      }
    },
    () => {
      wasmModule = null;
    },
  );
  return wasmModule;
}

/**
 * Starts esbuild-wasm now (its chunk and its module in parallel), so Run finds it ready; the
 * first caller's `warmUp` (a program like the reader's) is compiled once to warm it.
 */
export function startCompiler(warmUp?: string): Promise<CompilerModule> {
  compilerStarted ??= once(
    async () => {
      const [compiler, module] = await Promise.all([loadCompiler(), compileWasm()]);
      await compiler.startCompiler(module, warmUp);
      return compiler;
    },
    () => {
      compilerStarted = null;
    },
  );
  return compilerStarted;
}

/** Starts esbuild-wasm now, so it is ready when the reader presses Run (see `startCompiler`). */
export function preloadCompiler(warmUp?: string): Promise<void> {
  return startCompiler(warmUp).then(() => {});
}

/** The editor chunk, with the site's themes ready for the first editor. */
export function loadEditor(): Promise<EditorModule> {
  editorModule ??= once(
    async () => {
      // The highlighter's grammar and themes are chunks of their own: fetch them alongside.
      const highlighter = import("./code-highlighter.ts").then((h) => h.codeHighlighter());
      const [editor] = await Promise.all([import("./monaco-editor.ts"), highlighter]);
      await editor.prepareEditor();
      return editor;
    },
    () => {
      editorModule = null;
    },
  );
  return editorModule;
}
