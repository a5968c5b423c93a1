/** The reader's progress record: marks once, survives a bad record, exports and imports. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  PROGRESS_KEY,
  type ProgressStorage,
  ProgressStore,
  parseProgress,
} from "../../../src/scripts-client/progress-store.ts";

function memory(initial?: string): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>(initial ? [[PROGRESS_KEY, initial]] : []);
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const day = (d: number) => new Date(Date.UTC(2026, 11, d));

test("marks each thing once, keeping the first date", () => {
  const store = new ProgressStore(memory());
  assert.equal(store.mark("read", "coroutines", day(1)), true);
  assert.equal(store.mark("read", "coroutines", day(2)), true);
  store.mark("exercises", "loop-share", day(3));
  assert.deepEqual(store.load(), {
    read: { coroutines: day(1).toISOString() },
    predicts: {},
    exercises: { "loop-share": day(3).toISOString() },
  });
});

test("a record that is not one is ignored, and its bad entries dropped", () => {
  assert.deepEqual(new ProgressStore(memory("{not json")).load().read, {});
  assert.equal(parseProgress({ v: 2, read: { a: "2026-01-01" } }), null);
  const parsed = parseProgress({
    v: 1,
    read: { ok: "2026-12-01T00:00:00.000Z", "../bad": "2026-12-01", late: "not a date" },
    predicts: "nope",
  });
  assert.deepEqual(parsed, {
    read: { ok: "2026-12-01T00:00:00.000Z" },
    predicts: {},
    exercises: {},
  });
});

test("export, reset, import: the same record back; import adds, the earlier date wins", () => {
  const store = new ProgressStore(memory());
  store.mark("read", "event-loop", day(5));
  store.mark("predicts", "predict-gather", day(6));
  const file = store.exportText();
  store.reset();
  assert.deepEqual(store.load().read, {});
  store.mark("read", "event-loop", day(9));
  store.mark("read", "coroutines", day(9));
  assert.equal(store.importText(file), true);
  assert.deepEqual(store.load().read, {
    "event-loop": day(5).toISOString(),
    coroutines: day(9).toISOString(),
  });
  assert.deepEqual(store.load().predicts, { "predict-gather": day(6).toISOString() });
  assert.equal(store.importText('{"v":1,"read":[]}'), true, "an empty record is a record");
  assert.equal(store.importText("<html>"), false);
});

test("a browser that refuses storage: nothing is kept, nothing throws", () => {
  const refusing: ProgressStorage = {
    getItem: () => {
      throw new Error("denied");
    },
    setItem: () => {
      throw new Error("denied");
    },
    removeItem: () => {
      throw new Error("denied");
    },
  };
  const store = new ProgressStore(refusing);
  assert.equal(store.mark("read", "coroutines"), false);
  assert.deepEqual(store.load().read, {});
  store.reset();
  assert.equal(new ProgressStore(null).mark("read", "coroutines"), false);
});
