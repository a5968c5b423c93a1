/** The editor's declarations for the services' reader modules: complete, and they type-check reader code. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import ts from "typescript";
import { emitAsyncioDts } from "../../../../scripts/emit-asyncio-dts.ts";
import { emitReaderDts } from "../../../../scripts/emit-reader-dts.ts";
import { READER_MODULES } from "../../../../src/shared/compile-options.ts";

const dts = emitReaderDts();

test("every reader module but asyncio is declared", () => {
  for (const name of Object.keys(READER_MODULES).filter((m) => m !== "asyncio"))
    assert.match(dts, new RegExp(`declare module "${name}" \\{`), name);
});

function diagnostics(program: string): string[] {
  const files: Record<string, string> = {
    "/asyncio.d.ts": emitAsyncioDts(),
    "/readers.d.ts": dts,
    "/globals.d.ts": readFileSync("src/sandbox/reader-globals.d.ts", "utf8"),
    "/main.ts": program,
  };
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
  const program2 = ts.createProgram(Object.keys(files), options, host);
  return ts
    .getPreEmitDiagnostics(program2)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

test("an example using every module type-checks, and a wrong call does not", () => {
  const ok = readFileSync("content/examples/svc-web-server/main.ts", "utf8");
  assert.deepEqual(diagnostics(ok), []);
  const db = readFileSync("content/examples/svc-db-pool/main.ts", "utf8");
  assert.deepEqual(diagnostics(db), []);
  const bad = `import * as aiohttp from "aiohttp";\nnew aiohttp.ClientSession({ limit: 3 });\n`;
  assert.ok(diagnostics(bad).length > 0);
});
