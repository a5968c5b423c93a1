/**
 * Parity with CPython: every example's TypeScript twin, run as the page runs it (same compile
 * options, globals and runtime) on the virtual clock, prints exactly what CPython printed, on
 * every version recorded: the twin runs once per version, the runtime following that version
 * (a run option, as on the page), and is compared with that version's transcript (python.out
 * for 3.11, python-3.X.out where another version printed something else). On 3.11, CPython's
 * recorded task events (python.trace) also draw the same timeline lanes, in the run's order.
 * Each run is a fresh worker thread (a fresh runtime), as each page run gets a fresh worker;
 * every twin is compiled once, up front, on one esbuild service.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import { pythonRecordings } from "../../../src/lib/python-recordings.ts";
import { parseRecordedTrace } from "../../../src/playground/timeline/recorded-trace.ts";
import { isPythonVersion } from "../../../src/runtime/asyncio/python-version.ts";
import { RUNTIME_PYTHON } from "../../../src/shared/python-versions.ts";
import { laneLabels, recordedLaneLabels } from "../playground/timeline/lane-labels.ts";

const ROOT = "content/examples";
const ids = readdirSync(ROOT).filter((id) => existsSync(`${ROOT}/${id}/main.ts`));
const compiled = new Map(
  ids.map((id) => [id, compileReader(readFileSync(`${ROOT}/${id}/main.ts`, "utf8"))]),
);
const pool = new FreshWorkerPool();

test("there are examples to check", () => {
  assert.ok(ids.length > 0);
});

test("some example prints differently on two versions (so the runs per version are tested)", () => {
  const differ = ids.filter(
    (id) => new Set(pythonRecordings(`${ROOT}/${id}`).map((r) => r.out)).size > 1,
  );
  assert.ok(differ.length > 0);
});

// The pool bounds how many run at once; the tests themselves all start together.
describe("every twin prints its version's transcript", { concurrency: true }, () => {
  for (const id of ids) {
    const recordings = pythonRecordings(`${ROOT}/${id}`);
    test(`${id}: has python.out`, () => {
      assert.ok(recordings.some((r) => r.version === RUNTIME_PYTHON));
    });
    for (const { version, out } of recordings)
      test(`${id} on ${version}: the TypeScript twin prints CPython ${version}'s transcript`, async () => {
        assert.ok(isPythonVersion(version), version);
        const code = await (compiled.get(id) as Promise<string>);
        const run = await pool.run(code, { python: version });
        assert.equal(run.transcript, out);
        if (version !== RUNTIME_PYTHON) return;
        // The pre-run timeline (CPython's recorded task events) has the run's lanes, in its order.
        const trace = parseRecordedTrace(readFileSync(`${ROOT}/${id}/python.trace`, "utf8"));
        assert.ok(trace, `${id}/python.trace parses`);
        assert.deepEqual(recordedLaneLabels(out, trace), laneLabels(run.events));
      });
  }
});
