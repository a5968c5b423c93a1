/** The fast compressor of repeated text writes exactly what lz-string writes. */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as lzModule from "lz-string";
import { compressRepeated, repeatedLength } from "../../support/lz-bomb.ts";

type LzString = typeof import("lz-string");
const lz: LzString = (lzModule as unknown as { default?: LzString }).default ?? lzModule;

test("writes what lz-string writes, bit for bit, for repeated and mixed texts", () => {
  const cases = [
    { unit: "", count: 0 },
    { unit: "a", count: 1 },
    { unit: "a", count: 5000 },
    { unit: "ab", count: 3 },
    // One-character runs take a shortcut: around a prefix and suffix, and a prefix that ends in it.
    { prefix: '{"v":1,"c":"', unit: "x", count: 30_001, suffix: '","h":"0"}' },
    { prefix: "axxbxxx", unit: "x", count: 12_345, suffix: "xa" },
    { prefix: '{"v":1,"c":"', unit: "print('x')\\n", count: 2000, suffix: '","h":"0"}' },
    { prefix: "ünïcødé ✓ 𝄞 ", unit: "日本語—", count: 700, suffix: "end" },
    {
      unit: String.fromCharCode(...Array.from({ length: 400 }, (_, i) => 32 + ((i * 7919) % 3000))),
      count: 9,
    },
  ];
  for (const c of cases) {
    const text = (c.prefix ?? "") + c.unit.repeat(c.count) + (c.suffix ?? "");
    assert.equal(repeatedLength(c), text.length);
    assert.equal(
      compressRepeated(c),
      lz.compressToEncodedURIComponent(text),
      JSON.stringify(c).slice(0, 80),
    );
  }
});

test("a short link that expands to 2 million characters, as lz-string decodes it", () => {
  const bomb = compressRepeated({ unit: "a", count: 2_000_000 });
  assert.ok(bomb.length < 4_000, `the link is ${bomb.length} characters`);
  assert.equal(lz.decompressFromEncodedURIComponent(bomb)?.length, 2_000_000);
});
