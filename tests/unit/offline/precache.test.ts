import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { PRECACHE_MAX_BYTES, precacheOf, urlPath } from "../../../src/offline/precache.ts";

function site(files: Record<string, string | number>): string {
  const root = mkdtempSync(join(tmpdir(), "precache-"));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), typeof body === "number" ? "x".repeat(body) : body);
  }
  return root;
}

const FILES = {
  "index.html": "<h1>home</h1>",
  "chapters/coroutines/index.html": "<h1>coroutines</h1>".repeat(10_000),
  "sandbox/runner.html": "runner",
  "_astro/page.abc.js": "js",
  "_astro/page.abc.css": "css",
  "_astro/monaco.abc.js": PRECACHE_MAX_BYTES + 1,
  "_astro/monaco.abc.js.gz": "gz",
  "_astro/monaco.abc.js.br": "br",
  "_astro/page.abc.js.map": "map",
  "pagefind/fragment/en_1.pf_fragment": "f",
  "pagefind/pagefind-ui.js": "ui",
  "sandbox/pyodide/manifest.json": "{}",
  "sandbox/python-worker.js": "py",
  "sw.js": "worker",
};

test("pages (whatever their size), the runner, the search index and small files are precached by URL", () => {
  const { paths } = precacheOf(site(FILES));
  assert.deepEqual(paths.sort(), [
    "",
    "_astro/page.abc.css",
    "_astro/page.abc.js",
    "chapters/coroutines/",
    "pagefind/fragment/en_1.pf_fragment",
    "sandbox/runner.html",
  ]);
});

test("large files, copies, maps, Pagefind's own UIs, Python and the worker are not", () => {
  const { paths } = precacheOf(site(FILES));
  for (const p of paths)
    assert.doesNotMatch(p, /monaco|\.gz$|\.br$|\.map$|-ui\.js|sw\.js|pyodide|python/);
});

test("the version changes when any served file changes, cached on use or not", () => {
  const base = precacheOf(site(FILES)).version;
  assert.equal(precacheOf(site(FILES)).version, base, "the same files give the same version");
  assert.notEqual(precacheOf(site({ ...FILES, "index.html": "<h1>new</h1>" })).version, base);
  assert.notEqual(
    precacheOf(site({ ...FILES, "_astro/monaco.abc.js": PRECACHE_MAX_BYTES + 2 })).version,
    base,
  );
  assert.notEqual(
    precacheOf(site({ ...FILES, "pagefind/fragment/en_1.pf_fragment": "g" })).version,
    base,
  );
  // The worker's own file and the hosts' copies do not make a new version.
  assert.equal(
    precacheOf(site({ ...FILES, "sw.js": "other", "_astro/monaco.abc.js.gz": "z" })).version,
    base,
  );
});

test("an index.html is served at its folder's URL", () => {
  assert.equal(urlPath("chapters/x/index.html"), "chapters/x/");
  assert.equal(urlPath("index.html"), "");
  assert.equal(urlPath("404.html"), "404.html");
});
