/**
 * The part both declaration emitters share: compile some entry files with the TypeScript
 * compiler and collect each emitted `.d.ts` by base name, failing loudly on any type error.
 */
import { basename } from "node:path";
import ts from "typescript";

const OPTIONS: ts.CompilerOptions = {
  declaration: true,
  emitDeclarationOnly: true,
  allowImportingTsExtensions: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2024.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
  types: [],
  strict: true,
  skipLibCheck: true,
};

/**
 * Emits declarations for `entries` (and what they import); returns file base name → text for
 * the emitted files that `keep` accepts.
 */
export function emitDeclarations(
  entries: string[],
  root: string,
  keep: (fileName: string) => boolean = () => true,
): Map<string, string> {
  const program = ts.createProgram(entries, OPTIONS);
  const files = new Map<string, string>();
  const result = program.emit(undefined, (fileName, text) => {
    if (keep(fileName)) files.set(basename(fileName).replace(/\.d\.ts$/, ""), text);
  });
  const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
  if (errors.length > 0) {
    const host = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    };
    throw new Error(ts.formatDiagnostics(errors, host));
  }
  return files;
}
