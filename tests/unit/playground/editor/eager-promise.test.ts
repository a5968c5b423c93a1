import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  findEagerPromises,
  maskCommentsAndStrings,
} from "../../../../src/playground/editor/eager-promise.ts";

const calls = (code: string) => findEagerPromises(code).map((p) => [p.callee, p.call]);

describe("findEagerPromises", () => {
  it("finds a started promise passed to asyncio.createTask, with its offsets", () => {
    const code = "const t = asyncio.createTask(job(1, [2, 3]));";
    const [found] = findEagerPromises(code);
    assert.ok(found);
    assert.equal(found.callee, "asyncio.createTask");
    assert.equal(code.slice(found.start, found.end), "job(1, [2, 3])");
    assert.equal(found.call, "job(1, [2, 3])");
  });

  it("checks every argument of gather, and only the first of createTask and ensureFuture", () => {
    assert.deepEqual(calls("await asyncio.gather(a(), () => b(), c.run(1));"), [
      ["asyncio.gather", "a()"],
      ["asyncio.gather", "c.run(1)"],
    ]);
    assert.deepEqual(calls('asyncio.createTask(() => job(), { name: f("x") });'), []);
    assert.deepEqual(calls("asyncio.ensureFuture(fetchAll());"), [
      ["asyncio.ensureFuture", "fetchAll()"],
    ]);
  });

  it("finds a TaskGroup's createTask, whatever the group is called", () => {
    assert.deepEqual(calls("group.createTask(worker(q, 1));"), [
      ["group.createTask", "worker(q, 1)"],
    ]);
  });

  it("leaves functions, tasks, futures and the runtime's own calls alone", () => {
    const fine = [
      "asyncio.createTask(job);",
      "asyncio.createTask(() => job());",
      "asyncio.createTask(async () => { await job(); });",
      "asyncio.createTask(async (x) => job(x));",
      "asyncio.gather(t1, t2, asyncio.sleep(1), asyncio.createTask(() => a()));",
      "asyncio.gather(job().then(done));",
      "asyncio.gather(new Thing());",
      "asyncio.createTask(function () { return job(); });",
    ];
    for (const code of fine) assert.deepEqual(calls(code), [], code);
  });

  it("ignores calls in comments and strings", () => {
    const code = [
      "// asyncio.createTask(job())",
      '/* tg.createTask(job()) */ print("asyncio.gather(a())");',
      "const s = `asyncio.createTask(job())`;",
    ].join("\n");
    assert.deepEqual(calls(code), []);
  });

  it("spans lines and keeps generic type arguments", () => {
    const code = "asyncio.gather(\n  fetchOne<string>(url),\n  other(),\n);";
    assert.deepEqual(calls(code), [
      ["asyncio.gather", "fetchOne<string>(url)"],
      ["asyncio.gather", "other()"],
    ]);
  });
});

describe("maskCommentsAndStrings", () => {
  it("keeps the length and line breaks, and blanks what is inside", () => {
    const code = 'a("(x)") // b(\n/* c( */ d`e(`';
    const masked = maskCommentsAndStrings(code);
    assert.equal(masked.length, code.length);
    assert.equal(masked, 'a("   ")      \n         d`  `');
  });
});
