/**
 * Python's `contextvars` as a module of its own: `import { ContextVar, copyContext } from
 * "contextvars"` compiles with the page's options, runs as the page runs it (printing what
 * CPython prints for the Python twin), and type-checks with the editor's declarations.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { FreshWorkerPool } from "../../../scripts/lib/fresh-worker-pool.ts";
import { dedent, hasPython, python } from "../runtime/helpers.ts";
import { readerTypeErrors } from "./reader-types.ts";

const PYTHON = dedent(`
  import asyncio
  from contextvars import ContextVar, copy_context

  request_id = ContextVar("request_id", default="-")

  async def handle(n):
      request_id.set(f"req-{n}")
      await asyncio.sleep(0.1 * n)
      print("handled", request_id.get())

  async def main():
      print("main sees", request_id.get())
      await asyncio.gather(handle(1), handle(2))
      ctx = copy_context()
      ctx.run(request_id.set, "in-copy")
      print("main still", request_id.get(), "copy has", ctx.get(request_id))

  asyncio.run(main())
`);

const TYPESCRIPT = dedent(`
  import * as asyncio from "asyncio";
  import { ContextVar, copyContext } from "contextvars";

  const requestId = new ContextVar<string>("request_id", { default: "-" });

  async function handle(n: number) {
    requestId.set(\`req-\${n}\`);
    await asyncio.sleep(0.1 * n);
    print("handled", requestId.get());
  }

  async function main() {
    print("main sees", requestId.get());
    await asyncio.gather(() => handle(1), () => handle(2));
    const ctx = copyContext();
    ctx.run((v: string) => requestId.set(v), "in-copy");
    print("main still", requestId.get(), "copy has", ctx.get(requestId));
  }

  asyncio.run(main);
`);

test("contextvars compiles to the worker's module and runs as CPython's", async (t) => {
  const code = await compileReader(TYPESCRIPT);
  assert.match(code, /globalThis\.__contextvars/);
  const run = await new FreshWorkerPool(1).run(code);
  assert.equal(run.end.status, "finished", run.end.error?.message);
  assert.match(run.transcript, /handled req-2/);
  if (!hasPython()) {
    t.diagnostic("python3 >= 3.11 not found: not compared with CPython");
    return;
  }
  assert.equal(run.transcript, await python(PYTHON));
});

test("contextvars type-checks in the editor: its API is typed, not any", () => {
  assert.deepEqual(readerTypeErrors(TYPESCRIPT), []);
  const wrong = `import { ContextVar } from "contextvars";\nnew ContextVar<number>("n").set("text");\n`;
  assert.match(readerTypeErrors(wrong).join("\n"), /not assignable to parameter of type 'number'/);
  const missing = `import { LookupError } from "contextvars";\n`;
  assert.ok(readerTypeErrors(missing).length > 0, "Python's contextvars has no LookupError");
});
