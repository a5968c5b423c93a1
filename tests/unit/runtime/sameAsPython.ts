/** The parity assertion: the TS program's transcript equals CPython's for the Python program. */
import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import type * as asyncio from "../../../src/runtime/asyncio/index.ts";
import {
  CHECKED_VERSIONS,
  type PythonVersion,
} from "../../../src/runtime/asyncio/python-version.ts";
import { dedent, hasPython, python, pythonOn, record, recordScript } from "./helpers.ts";

export async function sameAsPython(
  t: TestContext,
  pySource: string,
  main: asyncio.Coro<unknown>,
  expected?: string,
): Promise<string> {
  const ts = (await record(main)).transcript;
  if (expected !== undefined) assert.equal(ts, dedent(expected));
  if (!hasPython()) {
    t.diagnostic("python3 >= 3.11 not found: compared with the expected transcript only");
    return ts;
  }
  assert.equal(ts, await python(dedent(pySource)));
  return ts;
}

/** `sameAsPython` for a whole program that calls `asyncio.run` itself (see `recordScript`). */
export async function scriptSameAsPython(
  t: TestContext,
  pySource: string,
  script: () => Promise<void>,
  expected?: string,
): Promise<string> {
  const ts = await recordScript(script);
  if (expected !== undefined) assert.equal(ts, dedent(expected));
  if (!hasPython()) {
    t.diagnostic("python3 >= 3.11 not found: compared with the expected transcript only");
    return ts;
  }
  assert.equal(ts, await python(dedent(pySource)));
  return ts;
}

/**
 * `sameAsPython` on CPython `version`: the TS program runs with the runtime following `version`
 * (`configure({ python })`) and is compared with that interpreter's transcript (found as the
 * recorder finds it: PYTHON3_13, python3.13, pyenv's). Where that interpreter is absent, only
 * `expected` is checked, with a note.
 */
export async function sameOnVersion(
  t: TestContext,
  version: PythonVersion,
  pySource: string,
  main: asyncio.Coro<unknown>,
  expected?: string,
): Promise<string> {
  const ts = (await record(main, { python: version })).transcript;
  if (expected !== undefined) assert.equal(ts, dedent(expected), `on ${version}`);
  const py = pythonOn(version, dedent(pySource));
  if (py === null) {
    t.diagnostic(`python${version} not found: compared with the expected transcript only`);
    return ts;
  }
  assert.equal(ts, await py, `the runtime following ${version} against CPython ${version}`);
  return ts;
}

/**
 * `sameOnVersion` on every version the runtime's table was checked against (3.11 to 3.13);
 * `expected` maps a version to its transcript (absent: not checked without an interpreter).
 * Returns each version's transcript, so a test can also assert that versions differ.
 */
export async function sameOnEveryVersion(
  t: TestContext,
  pySource: string,
  main: asyncio.Coro<unknown>,
  expected: Partial<Record<PythonVersion, string>> = {},
): Promise<Map<PythonVersion, string>> {
  const out = new Map<PythonVersion, string>();
  for (const version of CHECKED_VERSIONS)
    out.set(version, await sameOnVersion(t, version, pySource, main, expected[version]));
  return out;
}
