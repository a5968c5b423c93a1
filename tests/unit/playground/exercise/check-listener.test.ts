import assert from "node:assert/strict";
import { test } from "node:test";
import type { RunOutcome } from "../../../../src/playground/example/run-listener.ts";
import { CheckListener } from "../../../../src/playground/exercise/check-listener.ts";
import type { Check, CheckModule } from "../../../../src/playground/exercise/check-types.ts";

function fakeElement() {
  return { textContent: "", dataset: {} as Record<string, string> };
}

function outcome(over: Partial<RunOutcome> = {}): RunOutcome {
  return {
    status: "finished",
    t: 1,
    lines: [],
    events: [],
    speed: "instant",
    compiled: true,
    error: null,
    detail: "",
    compileErrors: [],
    typeErrors: [],
    language: "typescript",
    ...over,
  };
}

/** A check module whose loading the test completes when it wants. */
function deferredModule(check: Check) {
  let resolve: () => void = () => {};
  const loaded = new Promise<CheckModule>((r) => {
    resolve = () => r({ default: check });
  });
  return { load: () => loaded, resolve, loaded };
}

test("a run's end shows the check's verdict; a new run shows pending at once", async () => {
  const el = fakeElement();
  const mod = deferredModule((run) => ({ pass: run.t <= 1, reason: `the run took ${run.t} s` }));
  const check = new CheckListener(el as unknown as HTMLElement, "ex", mod.load);
  check.reset();
  assert.equal(el.dataset.state, "pending");
  check.finish(outcome());
  mod.resolve();
  await mod.loaded;
  await Promise.resolve();
  assert.equal(el.textContent, "Check passed: the run took 1 s.");
  check.reset();
  assert.equal(el.dataset.state, "pending");
});

test("the verdict of an older run never overwrites a newer run's state", async () => {
  const el = fakeElement();
  const mod = deferredModule(() => ({ pass: false, reason: "old" }));
  const check = new CheckListener(el as unknown as HTMLElement, "ex", mod.load);
  check.reset();
  check.finish(outcome());
  check.reset(); // Run again before the check module arrived
  mod.resolve();
  await mod.loaded;
  await Promise.resolve();
  assert.equal(el.dataset.state, "pending");
});

test("not compiled, stopped before it ran, or no check: said plainly, never judged", () => {
  const el = fakeElement();
  const check = new CheckListener(el as unknown as HTMLElement, "ex", null);
  check.finish(outcome({ compiled: false, status: "failed" }));
  assert.match(el.textContent, /^Not checked: the program did not compile/);
  check.finish(outcome({ compiled: false, status: "stopped" }));
  assert.match(el.textContent, /^Not checked: the run was stopped/);
  check.finish(outcome());
  assert.equal(el.dataset.state, "error");
  assert.match(el.textContent, /has no check\.ts/);
});
