import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as esbuild from "esbuild";
import {
  decodeVlq,
  mapPosition,
  readInlineSourceMap,
} from "../../../../src/playground/editor/source-map.ts";
import { readerBuildOptions } from "../../../../src/shared/compile-options.ts";

async function compile(source: string): Promise<string> {
  const r = await esbuild.build(readerBuildOptions(source));
  return r.outputFiles[0]!.text;
}

/** 1-based line and column of the first `needle` in `text`. */
function find(text: string, needle: string): { line: number; column: number } {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.indexOf(needle);
    if (c >= 0) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`${needle} not found`);
}

const PROGRAM = `import * as asyncio from "asyncio";

// A comment that esbuild drops, so lines shift.
type Greeting = { name: string };

async function greet(g: Greeting): Promise<void> {
  await asyncio.sleep(1);
  print(\`héllo 😀 \${g.name}\`); const boom = (g as any).missing.deep;
}

asyncio.run(() => greet({ name: "Alice" }));
`;

describe("decodeVlq", () => {
  it("decodes signed base64 VLQ values", () => {
    assert.deepEqual(decodeVlq("AAAA"), [0, 0, 0, 0]);
    assert.deepEqual(decodeVlq("AACA"), [0, 0, 1, 0]);
    assert.deepEqual(decodeVlq("D"), [-1]);
    assert.deepEqual(decodeVlq("gB"), [16]);
    assert.deepEqual(decodeVlq("hB"), [-16]);
    assert.deepEqual(decodeVlq("2HwBA"), [123, 24, 0]);
    assert.throws(() => decodeVlq("g"), /Truncated/);
    assert.throws(() => decodeVlq("A!"), /Bad VLQ/);
  });
});

describe("mapPosition", () => {
  it("maps positions in esbuild's output back to the edited source", async () => {
    const js = await compile(PROGRAM);
    const map = readInlineSourceMap(js);
    assert.ok(map);
    assert.ok(map.sources.some((s) => s.endsWith("main.ts")));

    for (const needle of ["asyncio.sleep(1)", "const boom", "print(", "greet({"]) {
      const inJs = find(js, needle);
      const inTs = find(PROGRAM, needle);
      const mapped = mapPosition(js, inJs.line, inJs.column);
      // esbuild maps tokens, not characters: the position lands on the same line, within the needle.
      assert.equal(mapped?.line, inTs.line, needle);
      assert.ok(
        mapped.column >= inTs.column && mapped.column < inTs.column + needle.length,
        `${needle}: ${JSON.stringify(mapped)} vs ${JSON.stringify(inTs)}`,
      );
    }
  });

  it("maps the position a real runtime error reports", async () => {
    const source = `const xs = [1, 2];\n\nfunction f(): number {\n  return (xs as any).nope.length;\n}\nprint(f());\n`;
    const js = await compile(source);
    const runnable = js.replace(/^\/\/# sourceMappingURL=.*$/m, "");
    let stack = "";
    try {
      new Function("print", runnable)(() => {});
    } catch (e) {
      stack = (e as Error).stack ?? "";
    }
    // V8 names Function-made code `<anonymous>`, with the wrapper adding 2 lines on top.
    const m = /<anonymous>:(\d+):(\d+)/.exec(stack);
    assert.ok(m, stack);
    const mapped = mapPosition(js, Number(m[1]) - 2, Number(m[2]));
    assert.equal(mapped?.line, 4);
    // V8 points at the property read that failed (`.length` of undefined).
    assert.ok(mapped && mapped.column >= 3, JSON.stringify(mapped));
  });

  it("returns null outside the reader's code and for bad input", async () => {
    const js = await compile(PROGRAM);
    const shim = find(js, "module.exports = globalThis.__asyncio");
    assert.equal(mapPosition(js, shim.line, shim.column), null);
    assert.equal(mapPosition(js, 1, 1), null);
    assert.equal(mapPosition(js, 10_000, 1), null);
    assert.equal(mapPosition(js, 0, 1), null);
    assert.equal(mapPosition("console.log(1)", 1, 1), null);
    assert.equal(
      mapPosition("x\n//# sourceMappingURL=data:application/json;base64,e30=", 1, 1),
      null,
    );
  });

  it("maps a column inside leading indentation to the line's first mapping", async () => {
    const js = await compile(PROGRAM);
    const inJs = find(js, "await asyncio.sleep(1)");
    assert.deepEqual(mapPosition(js, inJs.line, 1), find(PROGRAM, "await asyncio.sleep(1)"));
    // …and a column past the line's end to its last mapping, still on the same source line.
    assert.equal(
      mapPosition(js, inJs.line, 500)?.line,
      find(PROGRAM, "await asyncio.sleep(1)").line,
    );
  });
});
