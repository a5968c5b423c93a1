import assert from "node:assert/strict";
import { test } from "node:test";
import { PreloadedPrograms } from "../../../src/sandbox/preloaded-programs.ts";

/** Node imports data: modules (and data: modules import data: modules), as the worker does blobs. */
const dataUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

const g = globalThis as { ran?: string[]; gateSeen?: string[] };

/** A program that says it ran, and whether it could still see the gate. */
const program = (name: string) =>
  `globalThis.ran.push(${JSON.stringify(name)});\nglobalThis.gateSeen.push(typeof globalThis.__programGate);\n`;

/** Waits until `count` programs are held at their gates (a state, not a time). */
async function held(shelf: PreloadedPrograms, count: number): Promise<void> {
  while (shelf.waiting < count) await new Promise((resolve) => setImmediate(resolve));
}

test("loaded programs wait before their first statement; the released one runs, alone", async () => {
  g.ran = [];
  g.gateSeen = [];
  const reported: number[] = [];
  const shelf = new PreloadedPrograms(dataUrl, (id) => reported.push(id));
  shelf.load(1, program("first"));
  shelf.load(2, program("second"));
  await held(shelf, 2);
  assert.deepEqual(g.ran, [], "nothing runs on load");
  assert.deepEqual(
    reported.toSorted((a, b) => a - b),
    [1, 2],
    "each program says when it is held",
  );
  const second = shelf.take(2);
  assert.ok(second);
  await second.release();
  assert.deepEqual(g.ran, ["second"]);
  assert.deepEqual(g.gateSeen, ["undefined"], "the gate is gone before the program runs");
  assert.equal(shelf.waiting, 0, "the other program's gate can no longer be opened");
  assert.equal(shelf.take(1), null, "one run per worker: nothing else can be taken");
});

test("a program released before it reached its gate runs when it gets there", async () => {
  g.ran = [];
  g.gateSeen = [];
  const shelf = new PreloadedPrograms(dataUrl);
  shelf.load(7, program("early"));
  const held = shelf.take(7);
  assert.ok(held);
  await held.release();
  assert.deepEqual(g.ran, ["early"]);
  assert.deepEqual(g.gateSeen, ["undefined"]);
});

test("the program's own lines are where the compiler put them, and its errors reach the release", async () => {
  const shelf = new PreloadedPrograms(dataUrl);
  shelf.load(3, 'const x = 1;\nthrow new TypeError("line 2");\n');
  const held = shelf.take(3);
  assert.ok(held);
  const error = await held.release().then(
    () => null,
    (e: unknown) => e as Error,
  );
  assert.ok(error instanceof TypeError);
  assert.equal(error.message, "line 2");
  // The stack names the program's URL at line 2: the hold is appended, not prepended.
  const at = error.stack?.split("\n").find((l) => l.includes(held.url.slice(0, 40)));
  assert.match(at ?? "", /:2:\d+\)?$/);
});

test("an unknown program cannot be taken", () => {
  const shelf = new PreloadedPrograms(dataUrl);
  assert.equal(shelf.take(99), null);
});
