/**
 * What the service worker stores when it installs, and the version that names its cache.
 *
 * Reading offline needs every page and the small files every page uses; running an unedited
 * example needs the sandbox's runner page too (the programs are compiled into the pages). The
 * large files (the editor, the TypeScript worker, esbuild.wasm, Python) are left out: a reader
 * who never edits should not download 25 MB on a first visit. The worker keeps each of them
 * once a page has loaded it, so whatever a reader has used works offline afterwards.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { relative, sep } from "node:path";
import { builtFiles } from "../integrations/built-files.ts";

/** Files larger than this are cached when first used, not on install. */
export const PRECACHE_MAX_BYTES = 96 * 1024;
/** Copies for static hosts, source maps and the worker itself are never fetched by a page. */
const NEVER = /(?:\.gz|\.br|\.map)$|^sw\.js$/;
/**
 * Kept only once used: Pagefind's bundles for its own UIs (the site draws its own results and
 * never loads them), and Python, even its small files, since a reader who never presses
 * Run Python must download no byte of it.
 */
const ON_USE = /^pagefind\/pagefind-(?:component-|modular-)?ui\.|^sandbox\/(?:pyodide\/|python-)/;

export interface Precache {
  /** Paths relative to the site's base, e.g. `chapters/coroutines/` or `_astro/x.css`. */
  paths: string[];
  /** Changes whenever any precached file's bytes change, so a new deploy gets a new cache. */
  version: string;
}

/** A built file's URL path: `chapters/x/index.html` is served as `chapters/x/`. */
export function urlPath(file: string): string {
  return file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file;
}

/** The precache of a built site at `root` (the build output folder). */
export function precacheOf(root: string): Precache {
  const hash = createHash("sha256");
  const paths: string[] = [];
  for (const file of builtFiles(root).sort()) {
    const rel = relative(root, file).split(sep).join("/");
    if (NEVER.test(rel)) continue;
    // Every file counts towards the version, also those cached on use: a changed file with a
    // fixed name (the editor's declarations) must not be served from an old cache.
    hash.update(rel).update("\0").update(readFileSync(file)).update("\0");
    if (ON_USE.test(rel)) continue;
    if (!rel.endsWith(".html") && statSync(file).size > PRECACHE_MAX_BYTES) continue;
    paths.push(urlPath(rel));
  }
  return { paths, version: hash.digest("hex").slice(0, 16) };
}
