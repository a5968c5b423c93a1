/**
 * Chapters link to each other relatively (`../event-loop/`): a root-absolute link
 * (`/chapters/event-loop/`) breaks when the site is served under a sub-path (BASE_PATH).
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const DIR = "content/chapters";

for (const file of readdirSync(DIR).filter((f) => f.endsWith(".mdx"))) {
  test(`${file} has no root-absolute links`, () => {
    const text = readFileSync(`${DIR}/${file}`, "utf8");
    const bad = [...text.matchAll(/\]\((\/[^)]*)\)|href=["'](\/[^"']*)["']/g)].map(
      (m) => m[1] ?? m[2],
    );
    assert.deepEqual(bad, [], "use a relative link such as ../event-loop/ instead");
  });
}
