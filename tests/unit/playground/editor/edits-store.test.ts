import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  createEditsStore,
  editStatus,
  hashText,
  STORAGE_PREFIX,
  type StorageLike,
} from "../../../../src/playground/editor/edits-store.ts";

/** An in-memory Storage with an optional size limit, like a browser's quota. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  readonly limit: number;
  constructor(limit = Number.POSITIVE_INFINITY) {
    this.limit = limit;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const size = [...this.items].reduce(
      (n, [k, v]) => n + (k === key ? 0 : k.length + v.length),
      0,
    );
    if (size + key.length + value.length > this.limit) {
      throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
    }
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe("edits store", () => {
  it("saves, loads and clears an edit per example", () => {
    const storage = new FakeStorage();
    const store = createEditsStore(storage);
    assert.equal(store.load("hello"), null);
    assert.deepEqual(store.save("hello", "print(1)", "abc"), { ok: true });
    assert.deepEqual(store.save("other", "print(2)", "def"), { ok: true });
    const saved = store.load("hello");
    assert.equal(saved?.code, "print(1)");
    assert.equal(saved?.originalHash, "abc");
    assert.equal(typeof saved?.savedAt, "number");
    assert.equal(store.load("other")?.code, "print(2)");
    store.clear("hello");
    assert.equal(store.load("hello"), null);
    assert.equal(store.load("other")?.code, "print(2)");
    assert.ok([...storage.items.keys()].every((k) => k.startsWith(STORAGE_PREFIX)));
  });

  it("reports a full storage and keeps the previous edit", () => {
    const store = createEditsStore(new FakeStorage(200));
    assert.deepEqual(store.save("a", "short", "h"), { ok: true });
    assert.deepEqual(store.save("a", "x".repeat(500), "h"), { ok: false, reason: "full" });
    assert.equal(store.load("a")?.code, "short");
  });

  it("works as 'nothing saved' when storage is missing or throws on access", () => {
    for (const store of [
      createEditsStore(null),
      createEditsStore(() => {
        throw new Error("SecurityError");
      }),
    ]) {
      assert.equal(store.load("a"), null);
      assert.deepEqual(store.save("a", "x", "h"), { ok: false, reason: "unavailable" });
      store.clear("a");
    }
    const throwing: StorageLike = {
      getItem() {
        throw new Error("denied");
      },
      setItem() {
        throw new Error("denied");
      },
      removeItem() {
        throw new Error("denied");
      },
    };
    const store = createEditsStore(throwing);
    assert.equal(store.load("a"), null);
    assert.deepEqual(store.save("a", "x", "h"), { ok: false, reason: "unavailable" });
    assert.doesNotThrow(() => store.clear("a"));
  });

  it("ignores damaged or foreign values", () => {
    const storage = new FakeStorage();
    const store = createEditsStore(storage);
    for (const raw of [
      "{",
      "null",
      "42",
      '{"v":2,"code":"x","originalHash":"h"}',
      '{"v":1,"code":3}',
    ]) {
      storage.items.set(`${STORAGE_PREFIX}a`, raw);
      assert.equal(store.load("a"), null, raw);
    }
  });
});

describe("hashText and editStatus", () => {
  it("gives stable, distinct fingerprints", () => {
    assert.equal(hashText("abc"), hashText("abc"));
    assert.match(hashText("abc"), /^[0-9a-f]{14}$/);
    assert.notEqual(hashText("abc"), hashText("abd"));
    assert.notEqual(hashText(""), hashText(" "));
  });

  it("tells an edit of the current original from one of an older version", () => {
    const original = "print('v2')";
    assert.equal(editStatus(null, original), "original");
    const base = { savedAt: 0 };
    assert.equal(
      editStatus({ ...base, code: "x", originalHash: hashText(original) }, original),
      "edited",
    );
    assert.equal(
      editStatus({ ...base, code: "x", originalHash: hashText("print('v1')") }, original),
      "older-version",
    );
    assert.equal(
      editStatus({ ...base, code: original, originalHash: "old" }, original),
      "original",
    );
  });
});
