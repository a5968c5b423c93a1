import assert from "node:assert/strict";
import { describe, it } from "node:test";
import lz from "lz-string";
import { hashText } from "../../../../src/playground/editor/edits-store.ts";
import {
  decodeShareHash,
  encodeShareHash,
  MAX_SHARED_CODE,
  ShareTooLargeError,
  shareUrl,
} from "../../../../src/playground/editor/share-link.ts";

const CODE = `import * as asyncio from "asyncio";\n\nasync function main() {\n  print("héllo 😀 <b>&</b>");\n}\nasyncio.run(main);\n`;

describe("share links", () => {
  it("round-trips code with any characters", () => {
    const hash = encodeShareHash("hello-world", CODE);
    assert.match(hash, /^#share=hello-world:[A-Za-z0-9+\-$]+$/);
    assert.deepEqual(decodeShareHash(hash), {
      kind: "shared",
      exampleId: "hello-world",
      code: CODE,
    });
    assert.deepEqual(decodeShareHash(hash.slice(1)), {
      kind: "shared",
      exampleId: "hello-world",
      code: CODE,
    });
  });

  it("builds a full URL that keeps path and query", () => {
    const url = new URL(shareUrl("https://example.org/ch/01/?a=1#old", "ex1", CODE));
    assert.equal(url.pathname, "/ch/01/");
    assert.equal(url.search, "?a=1");
    assert.deepEqual(decodeShareHash(url.hash), { kind: "shared", exampleId: "ex1", code: CODE });
  });

  it("ignores hashes that are not share links", () => {
    for (const h of ["", "#", "#intro", "#shared=x:y"])
      assert.deepEqual(decodeShareHash(h), { kind: "none" });
  });

  it("refuses to encode code over the limit", () => {
    assert.doesNotThrow(() => encodeShareHash("a", "x".repeat(MAX_SHARED_CODE)));
    assert.throws(() => encodeShareHash("a", "x".repeat(MAX_SHARED_CODE + 1)), ShareTooLargeError);
    assert.throws(() => encodeShareHash("../etc", "x"), /id/);
  });

  it("reports damaged links as errors with the example id", () => {
    const hash = encodeShareHash("ex1", CODE);
    const cut = decodeShareHash(hash.slice(0, hash.length - 12));
    assert.equal(cut.kind, "error");
    assert.ok(cut.kind === "error" && cut.exampleId === "ex1" && cut.reason === "damaged");
    assert.ok(cut.kind === "error" && /damaged/.test(cut.message));

    // Change one character in the middle of the payload.
    const i = hash.length - 20;
    const flipped = hash.slice(0, i) + (hash[i] === "A" ? "B" : "A") + hash.slice(i + 1);
    const r = decodeShareHash(flipped);
    assert.equal(r.kind, "error");

    for (const bad of ["#share=ex1:", "#share=ex1:!!!!", `#share=ex1:${"Q".repeat(40)}`]) {
      const d = decodeShareHash(bad);
      assert.equal(d.kind, "error", bad);
      assert.ok(d.kind === "error" && d.exampleId === "ex1");
    }
  });

  it("reports malformed links", () => {
    assert.deepEqual(
      { ...decodeShareHash("#share=ex1"), message: "" },
      { kind: "error", exampleId: "ex1", reason: "malformed", message: "" },
    );
    const r = decodeShareHash("#share=<script>:abc");
    assert.ok(r.kind === "error" && r.exampleId === null && r.reason === "malformed");
  });

  it("rejects oversized payloads before decompressing them", () => {
    const r = decodeShareHash(`#share=ex1:${"A".repeat(100_000)}`);
    assert.ok(r.kind === "error" && r.reason === "too-large");
  });

  it("survives a percent-encoded colon and pluses turned into spaces", () => {
    const hash = encodeShareHash("ex1", CODE.repeat(20));
    const payload = hash.slice("#share=ex1:".length);
    assert.deepEqual(decodeShareHash(`#share=ex1%3A${payload}`), {
      kind: "shared",
      exampleId: "ex1",
      code: CODE.repeat(20),
    });
    // Find a program whose payload has a `+` (most do), so the space case is really exercised.
    const withPlus = [...Array(200).keys()]
      .map((n) => encodeShareHash("ex1", `${"x".repeat(n)}print(${n * 7919})`))
      .find((h) => h.includes("+"));
    assert.ok(withPlus, "some payload contains '+'");
    const spaced = decodeShareHash(withPlus.replaceAll("+", " "));
    assert.equal(spaced.kind, "shared");
  });

  it("carries the edited Python beside the TypeScript, and links without it still open", () => {
    const python =
      'import asyncio\n\nasync def main():\n    print("héllo 😀 <b>")\n\nasyncio.run(main())\n';
    assert.deepEqual(decodeShareHash(encodeShareHash("hello-world", CODE, python)), {
      kind: "shared",
      exampleId: "hello-world",
      code: CODE,
      python,
    });
    // A link made before links carried Python (no `p` in its envelope): the TypeScript alone.
    const old = decodeShareHash(encodeShareHash("hello-world", CODE));
    assert.equal(old.kind === "shared" && "python" in old, false);
  });

  it("bounds the TypeScript and the Python together, and checks the Python's own hash", () => {
    const half = "x".repeat(MAX_SHARED_CODE / 2 + 1);
    assert.throws(() => encodeShareHash("ex1", half, half), ShareTooLargeError);
    const link = (envelope: object) =>
      `#share=ex1:${lz.compressToEncodedURIComponent(JSON.stringify(envelope))}`;
    const altered = link({ v: 1, c: CODE, h: hashText(CODE), p: "print(2)\n", q: hashText("1") });
    assert.equal(decodeShareHash(altered).kind, "error");
    const unhashed = link({ v: 1, c: CODE, h: hashText(CODE), p: "print(2)\n" });
    assert.equal(decodeShareHash(unhashed).kind, "error");
    const long = link({ v: 1, c: half, h: hashText(half), p: half, q: hashText(half) });
    const tooLarge = decodeShareHash(long);
    assert.ok(tooLarge.kind === "error" && tooLarge.reason === "too-large");
  });
});
