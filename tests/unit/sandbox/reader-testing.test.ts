/**
 * The testing modules as reader modules: `unittest`, `unittest.mock` and `testrun` compile to the
 * worker's globals and type-check with the editor's declarations (a mock's children are typed
 * from the names it is given).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";
import { dedent } from "../runtime/helpers.ts";
import { readerTypeErrors } from "./reader-types.ts";

const TYPESCRIPT = dedent(`
  import * as asyncio from "asyncio";
  import * as testrun from "testrun";
  import { IsolatedAsyncioTestCase } from "unittest";
  import { AsyncMock } from "unittest.mock";

  class ClientTests extends IsolatedAsyncioTestCase {
    client = new AsyncMock<"get" | "close">();
    override async asyncSetUp() {
      this.client.get.returnValue = "page";
      this.addAsyncCleanup(() => this.client.close());
    }
    async test_get() {
      this.assertEqual(await this.client.get("/"), "page");
      this.client.get.assertAwaitedOnceWith("/");
      await this.assertRaises(asyncio.TimeoutError, () => asyncio.waitFor(asyncio.sleep(2), 1));
    }
  }

  const passed: boolean = await testrun.run(ClientTests);
  print(passed);
`);

test("unittest, unittest.mock and testrun compile to the worker's modules", async () => {
  const code = await compileReader(TYPESCRIPT);
  for (const global of ["__unittest", "__unittest_mock", "__testrun"])
    assert.match(code, new RegExp(`globalThis\\.${global}\\b`));
});

test("they type-check in the editor, and a mock has only the children it was given", () => {
  assert.deepEqual(readerTypeErrors(TYPESCRIPT), []);
  const unknownChild = `import { AsyncMock } from "unittest.mock";\nnew AsyncMock<"get">().post("/");\n`;
  assert.match(readerTypeErrors(unknownChild).join("\n"), /Property 'post' does not exist/);
  const notAMethod = `import { TestCase } from "unittest";\nnew TestCase().assertAwaited();\n`;
  assert.ok(readerTypeErrors(notAMethod).length > 0, "assertAwaited belongs to mocks");
});
