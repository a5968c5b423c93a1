import assert from "node:assert/strict";
import { test } from "node:test";
import { dropZeroPages, restoreZeroPages } from "../../../../src/sandbox/python/zero-pages.ts";

const PAGE = 65536;

/** `pages` pages (the last `tail` bytes long, if given), each zeros or filled with its index. */
function memory(pattern: ("z" | "d")[], tail = PAGE): Uint8Array {
  const out = new Uint8Array(PAGE * (pattern.length - 1) + tail);
  pattern.forEach((kind, i) => {
    if (kind === "d") out.fill(i + 1, i * PAGE, Math.min(out.length, (i + 1) * PAGE));
  });
  return out;
}

test("zero pages are left out and come back as zeros; the rest is kept byte for byte", () => {
  for (const [pattern, tail] of [
    [["d", "z", "d", "z", "z", "d"], PAGE],
    [["z", "z", "z"], PAGE],
    [["d", "d"], PAGE],
    [["d", "z", "d"], 123], // a short last page, kept
    [["d", "z"], 7], // a short last page of zeros
  ] as const) {
    const raw = memory([...pattern], tail);
    const packed = dropZeroPages(raw);
    const zeros = pattern.filter((k) => k === "z").length;
    const keptBytes = raw.length - zeros * PAGE + (pattern.at(-1) === "z" ? PAGE - tail : 0);
    assert.equal(packed.length, 16 + pattern.length + keptBytes, `${pattern} ${tail}`);
    assert.deepEqual(restoreZeroPages(packed), raw);
  }
});

test("one non-zero byte keeps its page", () => {
  const raw = new Uint8Array(3 * PAGE);
  raw[PAGE + PAGE - 1] = 9;
  const packed = dropZeroPages(raw);
  assert.equal(packed.length, 16 + 3 + PAGE);
  assert.deepEqual(restoreZeroPages(packed), raw);
});

test("a damaged container is refused, not restored as something else", () => {
  const packed = dropZeroPages(memory(["d", "z", "d"]));
  assert.throws(() => restoreZeroPages(packed.subarray(0, packed.length - 1)), /truncated/);
  const extra = new Uint8Array(packed.length + 1);
  extra.set(packed);
  assert.throws(() => restoreZeroPages(extra), /to spare/);
  const wrong = packed.slice();
  wrong[0] = 0;
  assert.throws(() => restoreZeroPages(wrong), /ALZ1/);
  const count = packed.slice();
  new DataView(count.buffer).setUint32(12, 99, true);
  assert.throws(() => restoreZeroPages(count), /damaged/);
});
