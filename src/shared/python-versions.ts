/**
 * The CPython versions of the recordings, as the page and the build see them. The versions
 * offered and where their transcripts live are the recorder's (`scripts/python/python_versions.py`):
 * `python.out` is 3.11's, `python-3.X.out` another version's where it printed something else.
 * The TypeScript runtime follows the version the reader chose (`src/runtime/asyncio/python-version.ts`),
 * and the verdict compares a run with that version's recording.
 */

/** The version `python.out` holds (`BASE` in python_versions.py), and the runtime's default. */
export const RUNTIME_PYTHON = "3.11";

/** Where the reader's choice of version is kept, for every page of the site. */
export const PYTHON_VERSION_STORAGE_KEY = "asyncio-live:python-version";

/** The event every example's switch sends on `document` when the reader picks a version. */
export const PYTHON_VERSION_EVENT = "asyncio-live:python-version";

/**
 * Orders "3.9" before "3.11" (numerically, part by part).
 * @example
 * ["3.13", "3.9", "3.11"].sort(compareVersions); // ["3.9", "3.11", "3.13"]
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
