/** The parity assertion: the TS program's transcript equals CPython's for the Python program. */
import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import type * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { dedent, hasPython, python, record, recordScript } from "./helpers.ts";

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
