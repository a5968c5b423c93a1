/**
 * The bounded decoder reads what lz-string writes, exactly, and gives up on a bomb after
 * bounded work instead of expanding it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as lzModule from "lz-string";
import { decompressBounded } from "../../../../src/playground/editor/lz-bounded.ts";
import { compressRepeated } from "../../../support/lz-bomb.ts";

type LzString = typeof import("lz-string");
const lz: LzString = (lzModule as unknown as { default?: LzString }).default ?? lzModule;

test("decodes what lz-string encodes: code, unicode, repeats, one character", () => {
  const samples = [
    "a",
    'import * as asyncio from "asyncio";\nasyncio.run(async () => print("hi"));\n',
    "ünïcødé ✓ 𝄞 — 日本語",
    "ab".repeat(5000),
    JSON.stringify({ v: 1, c: "x\u0001y", h: "abc" }),
    Array.from({ length: 3000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 20000))).join(""),
  ];
  for (const text of samples) {
    const encoded = lz.compressToEncodedURIComponent(text);
    assert.deepEqual(decompressBounded(encoded, 1e6), { kind: "text", text });
  }
});

test("a bomb stops at the limit instead of expanding to 10 million characters", () => {
  // lz-string's own compressor takes a minute for this; the test's writes the same bits.
  const bomb = compressRepeated({ unit: "a", count: 10_000_000 });
  assert.ok(bomb.length < 10_000, `bomb is ${bomb.length} characters`);
  assert.deepEqual(decompressBounded(bomb, 120_200), { kind: "too-long" });
});

test("damaged or foreign input is said to be damaged, never thrown", () => {
  const good = lz.compressToEncodedURIComponent("hello world, hello asyncio");
  assert.deepEqual(decompressBounded(good.slice(0, 5), 1000), { kind: "damaged" });
  assert.deepEqual(decompressBounded("!!!not lz***", 1000), { kind: "damaged" });
  assert.deepEqual(decompressBounded("", 1000), { kind: "damaged" });
});
