/**
 * The two heavy parts of editing, each fetched once per page with `import()`: the editor chunk
 * (Monaco) and the compiler chunk (esbuild-wasm). Nothing else in the always-loaded controller
 * may import them; a failed load is forgotten so the next attempt retries.
 */
type CompilerModule = typeof import("./compiler.ts");
type EditorModule = typeof import("./monaco-editor.ts");

let compilerModule: Promise<CompilerModule> | null = null;
let editorModule: Promise<EditorModule> | null = null;

export function loadCompiler(): Promise<CompilerModule> {
  compilerModule ??= import("./compiler.ts").catch((e: unknown) => {
    compilerModule = null;
    throw e;
  });
  return compilerModule;
}

export function loadEditor(): Promise<EditorModule> {
  editorModule ??= import("./monaco-editor.ts").catch((e: unknown) => {
    editorModule = null;
    throw e;
  });
  return editorModule;
}

/** Starts esbuild-wasm now, so it is ready when the reader presses Run. */
export function preloadCompiler(): Promise<void> {
  return loadCompiler().then((c) => c.startCompiler());
}
