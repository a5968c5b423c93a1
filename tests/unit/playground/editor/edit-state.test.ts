import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  initialView,
  NOTICES,
  stateAfterChange,
} from "../../../../src/playground/editor/edit-state.ts";
import { hashText, type SavedEdit } from "../../../../src/playground/editor/edits-store.ts";
import { decodeShareHash, encodeShareHash } from "../../../../src/playground/editor/share-link.ts";

const ORIGINAL = 'print("v2");\n';
const saved = (code: string, of = ORIGINAL): SavedEdit => ({
  code,
  originalHash: hashText(of),
  savedAt: 1,
});
const shareOf = (id: string, code: string) => decodeShareHash(encodeShareHash(id, code));
const NONE = decodeShareHash("");

describe("initialView", () => {
  it("shows the original, an edit, or an edit of an older version", () => {
    assert.deepEqual(initialView("ex", ORIGINAL, null, NONE), {
      state: "original",
      code: ORIGINAL,
      notice: null,
    });
    assert.deepEqual(initialView("ex", ORIGINAL, saved("mine"), NONE), {
      state: "edited",
      code: "mine",
      notice: null,
    });
    const older = initialView("ex", ORIGINAL, saved("mine", 'print("v1");\n'), NONE);
    assert.equal(older.state, "older-version");
    assert.equal(older.code, "mine");
    assert.equal(older.notice, NOTICES.olderVersion);
  });

  it("shows shared code for its example only, without saving it", () => {
    const share = shareOf("ex", "theirs");
    assert.deepEqual(initialView("ex", ORIGINAL, null, share), {
      state: "shared",
      code: "theirs",
      notice: NOTICES.shared,
    });
    assert.deepEqual(initialView("other", ORIGINAL, null, share), {
      state: "original",
      code: ORIGINAL,
      notice: null,
    });
  });

  it("asks before shared code replaces a different saved edit", () => {
    const v = initialView("ex", ORIGINAL, saved("mine"), shareOf("ex", "theirs"));
    assert.equal(v.state, "conflict");
    assert.ok(
      v.state === "conflict" &&
        v.code === "mine" &&
        v.sharedCode === "theirs" &&
        v.ownState === "edited",
    );
    // The same code, saved already: nothing to ask.
    assert.equal(
      initialView("ex", ORIGINAL, saved("theirs"), shareOf("ex", "theirs")).state,
      "edited",
    );
    // A link with the original code does not hide the reader's edit.
    assert.equal(initialView("ex", ORIGINAL, saved("mine"), shareOf("ex", ORIGINAL)).code, "mine");
    assert.equal(
      initialView("ex", ORIGINAL, null, shareOf("ex", ORIGINAL)).notice,
      NOTICES.sharedIsOriginal,
    );
  });

  it("explains a damaged link for this example and shows what it would have shown", () => {
    const hash = encodeShareHash("ex", "theirs");
    const damaged = decodeShareHash(hash.slice(0, -6));
    const v = initialView("ex", ORIGINAL, null, damaged);
    assert.equal(v.state, "original");
    assert.equal(v.code, ORIGINAL);
    assert.match(v.notice ?? "", /damaged/);
    assert.equal(initialView("other", ORIGINAL, null, damaged).notice, null);
  });
});

describe("stateAfterChange", () => {
  it("follows the code back to the original and keeps the older-version mark", () => {
    assert.equal(stateAfterChange(ORIGINAL, ORIGINAL, "edited"), "original");
    assert.equal(stateAfterChange("x", ORIGINAL, "original"), "edited");
    assert.equal(stateAfterChange("x", ORIGINAL, "shared"), "edited");
    assert.equal(stateAfterChange("x", ORIGINAL, "older-version"), "older-version");
  });
});
