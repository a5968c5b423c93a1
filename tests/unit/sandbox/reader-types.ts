/**
 * Type-checks a reader program against the declarations the editor gets (the runtime's
 * asyncio.d.ts with `contextvars`, the services' reader modules, the sandbox's globals), with the
 * compiler in this process: the errors TypeScript reports, as messages.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { emitAsyncioDts } from "../../../scripts/emit-asyncio-dts.ts";
import { emitReaderDts } from "../../../scripts/emit-reader-dts.ts";

let declarations: Record<string, string> | null = null;

export function readerTypeErrors(program: string): string[] {
  declarations ??= {
    "/asyncio.d.ts": emitAsyncioDts(),
    "/readers.d.ts": emitReaderDts(),
    "/globals.d.ts": readFileSync("src/sandbox/reader-globals.d.ts", "utf8"),
  };
  const files: Record<string, string> = { ...declarations, "/main.ts": program };
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2024.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => files[f] ?? read(f);
  host.fileExists = (f) => f in files || ts.sys.fileExists(f);
  host.getSourceFile = (f, lang) => {
    const text = files[f] ?? read(f);
    return text === undefined ? undefined : ts.createSourceFile(f, text, lang);
  };
  const checked = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(checked)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
