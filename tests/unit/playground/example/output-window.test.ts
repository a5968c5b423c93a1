import assert from "node:assert/strict";
import { test } from "node:test";
import { OutputWindow, SHOWN_ROWS } from "../../../../src/playground/example/output-window.ts";

test("rows below the limit are all built and none removed", () => {
  const w = new OutputWindow(10);
  assert.deepEqual(w.take(4), { build: 4, remove: 0 });
  assert.deepEqual(w.take(6), { build: 6, remove: 0 });
  assert.equal(w.shown, 10);
  assert.equal(w.omitted, 0);
});

test("past the limit the oldest shown rows give way to the new ones", () => {
  const w = new OutputWindow(10);
  w.take(8);
  assert.deepEqual(w.take(5), { build: 5, remove: 3 });
  assert.equal(w.shown, 10);
  assert.equal(w.omitted, 3);
});

test("a batch larger than the limit builds only its latest rows and replaces every shown one", () => {
  const w = new OutputWindow(10);
  w.take(7);
  assert.deepEqual(w.take(2000), { build: 10, remove: 7 });
  assert.equal(w.shown, 10);
  assert.equal(w.omitted, 1997);
});

test("every row is either shown or counted as omitted, whatever the batches", () => {
  const w = new OutputWindow(SHOWN_ROWS);
  let total = 0;
  for (const n of [1, 499, 3, 1200, 0, 17, 5000]) {
    w.take(n);
    total += n;
    assert.ok(w.shown <= SHOWN_ROWS);
    assert.equal(w.shown + w.omitted, total);
  }
});

test("reset forgets the previous run", () => {
  const w = new OutputWindow(10);
  w.take(30);
  w.reset();
  assert.deepEqual(w.take(3), { build: 3, remove: 0 });
  assert.equal(w.omitted, 0);
});
