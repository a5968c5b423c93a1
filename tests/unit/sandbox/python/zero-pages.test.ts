import assert from "node:assert/strict";
import { test } from "node:test";
import {
  dropZeroPages,
  packedLength,
  restoreZeroPages,
  restoreZeroPagesInto,
} from "../../../../src/sandbox/python/zero-pages.ts";

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

test("a range of the snapshot goes straight into zeroed memory at an offset, the zero pages unwritten", () => {
  const raw = memory(["d", "z", "d", "d", "z"], 300);
  const packed = dropZeroPages(raw);
  assert.equal(packedLength(packed), raw.length);
  // A range that starts inside a kept page and ends inside another, as a heap after a header.
  for (const [from, to] of [
    [0, raw.length],
    [100, raw.length],
    [PAGE + 5, 3 * PAGE + 7],
    [2 * PAGE - 1, 2 * PAGE + 1],
  ] as const) {
    const target = new Uint8Array(to - from + 10);
    restoreZeroPagesInto(packed, target, 10, from, to);
    assert.deepEqual(target.subarray(10), raw.subarray(from, to), `[${from}, ${to})`);
    assert.deepEqual(target.subarray(0, 10), new Uint8Array(10));
  }
  // Zero pages are skipped, not written: a target that is not zero keeps its bytes there.
  const target = new Uint8Array(raw.length).fill(7);
  restoreZeroPagesInto(packed, target, 0, 0, raw.length);
  assert.equal(target[PAGE + 1], 7);
  assert.equal(target[2 * PAGE + 1], 3);
});
