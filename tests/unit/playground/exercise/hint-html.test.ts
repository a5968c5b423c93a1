import assert from "node:assert/strict";
import { test } from "node:test";
import { hintHtml } from "../../../../src/playground/exercise/hint-html.ts";

test("backticked code becomes <code>, and everything is escaped", () => {
  assert.equal(
    hintHtml("Wrap each call in `createTask(() => f<T>())` & <b>await</b> it"),
    "Wrap each call in <code>createTask(() =&gt; f&lt;T&gt;())</code> &amp; &lt;b&gt;await&lt;/b&gt; it",
  );
});

test("a lone backtick or empty pair stays text", () => {
  assert.equal(hintHtml("a ` b"), "a ` b");
  assert.equal(hintHtml("``"), "``");
});

test("*words* between single asterisks become <em>, but not inside code or around spaces", () => {
  assert.equal(
    hintHtml("Which function can return as soon as *one* task is done?"),
    "Which function can return as soon as <em>one</em> task is done?",
  );
  assert.equal(hintHtml("`a * b * c` and 2 * 3 * 4"), "<code>a * b * c</code> and 2 * 3 * 4");
  assert.equal(hintHtml("*args and **kwargs"), "*args and **kwargs");
});
