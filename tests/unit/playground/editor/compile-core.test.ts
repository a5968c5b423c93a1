import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import * as esbuild from "esbuild";
import * as esbuildWasm from "esbuild-wasm";
import {
  type BuildFunction,
  compileWith,
  utf16Column,
} from "../../../../src/playground/editor/compile-core.ts";

const nativeBuild: BuildFunction = (o) => esbuild.build(o);
// esbuild-wasm is what the page runs; in node it runs the same wasm binary.
const wasmBuild: BuildFunction = (o) =>
  esbuildWasm.build(o as esbuildWasm.BuildOptions & { write: false });

after(() => {
  esbuildWasm.stop();
});

describe("compileWith", () => {
  it("compiles a reader program to an ES module that reads the asyncio global", async () => {
    const r = await compileWith(
      nativeBuild,
      `import * as asyncio from "asyncio";\nawait asyncio.sleep(1);\n`,
    );
    assert.ok(r.ok);
    assert.match(r.code, /globalThis\.__asyncio/);
    assert.match(r.code, /\/\/# sourceMappingURL=data:application\/json;base64,/);
    assert.doesNotMatch(r.code, /^import /m);
  });

  it("reports a syntax error at its 1-based line and UTF-16 column", async () => {
    const src = `const a = 1;\nconst s = "é€😀"; let x: number = ;\n`;
    const r = await compileWith(nativeBuild, src);
    assert.equal(r.ok, false);
    assert.ok(!r.ok);
    const d = r.diagnostics[0]!;
    const expectedColumn = src.split("\n")[1]!.indexOf(" ;") + 2;
    assert.equal(d.line, 2);
    assert.equal(d.column, expectedColumn);
    assert.equal(d.endColumn, expectedColumn + 1);
    assert.equal(d.text, `main.ts:2:${expectedColumn}: error: ${d.message}`);
    assert.equal(r.message, r.diagnostics.map((x) => x.text).join("\n"));
  });

  it("reports imports of anything but asyncio", async () => {
    const r = await compileWith(nativeBuild, `import * as fs from "node:fs";\nconsole.log(fs);\n`);
    assert.ok(!r.ok);
    assert.equal(r.diagnostics[0]!.line, 1);
    assert.equal(r.diagnostics[0]!.column, 21);
    assert.match(r.diagnostics[0]!.text, /^main\.ts:1:21: error: Cannot import "node:fs" here/);
  });

  it("gives the same code and the same messages with esbuild-wasm as with native esbuild", async () => {
    const programs = [
      `import * as asyncio from "asyncio";\nasync function main() {\n  print("hi");\n}\nasyncio.run(main);\n`,
      `let y = ;\n`,
      `import x from "left-pad";\n`,
      `const t = "😀😀"; foo(\n`,
    ];
    for (const p of programs) {
      const [n, w] = await Promise.all([compileWith(nativeBuild, p), compileWith(wasmBuild, p)]);
      assert.deepEqual(w, n, p);
    }
  });
});

describe("utf16Column", () => {
  it("turns esbuild's 0-based byte columns into 1-based UTF-16 columns", () => {
    assert.equal(utf16Column("abc", 0), 1);
    assert.equal(utf16Column("abc", 2), 3);
    assert.equal(utf16Column("é€x", 5), 3);
    assert.equal(utf16Column("😀x", 4), 3);
  });
});
