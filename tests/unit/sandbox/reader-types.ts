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
/**
 * Every file but the program is the same from one check to the next, and parsing them (the DOM's
 * lib alone is 1.3 MB) was most of each check's time: each is parsed once per test process.
 */
const parsed = new Map<string, ts.SourceFile>();

/** The declarations the editor gets, emitted once per test process (each emit is a compile). */
export function readerDeclarations(): Record<string, string> {
  declarations ??= {
    "/asyncio.d.ts": emitAsyncioDts(),
    "/readers.d.ts": emitReaderDts(),
    "/globals.d.ts": readFileSync("src/sandbox/reader-globals.d.ts", "utf8"),
  };
  return declarations;
}

export function readerTypeErrors(program: string): string[] {
  const files: Record<string, string> = { ...readerDeclarations(), "/main.ts": program };
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
    if (f === "/main.ts") return ts.createSourceFile(f, program, lang);
    const known = parsed.get(f);
    if (known) return known;
    const text = files[f] ?? read(f);
    if (text === undefined) return undefined;
    const file = ts.createSourceFile(f, text, lang);
    parsed.set(f, file);
    return file;
  };
  const checked = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(checked)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
