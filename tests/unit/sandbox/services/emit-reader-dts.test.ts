/** The editor's declarations for the services' reader modules: complete, and they type-check reader code. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { READER_MODULES } from "../../../../src/shared/compile-options.ts";
import { readerTypeErrors as diagnostics, readerDeclarations } from "../reader-types.ts";

test("every reader module is declared in the editor's types (the runtime's, then the services')", () => {
  const { "/asyncio.d.ts": runtime, "/readers.d.ts": services } = readerDeclarations();
  const dts = `${runtime}${services}`;
  for (const name of Object.keys(READER_MODULES))
    assert.match(dts, new RegExp(`declare module "${name}" \\{`), name);
});

test("an example using every module type-checks, and a wrong call does not", () => {
  const ok = readFileSync("content/examples/svc-web-server/main.ts", "utf8");
  assert.deepEqual(diagnostics(ok), []);
  const db = readFileSync("content/examples/svc-db-pool/main.ts", "utf8");
  assert.deepEqual(diagnostics(db), []);
  const bad = `import * as aiohttp from "aiohttp";\nnew aiohttp.ClientSession({ limit: 3 });\n`;
  assert.ok(diagnostics(bad).length > 0);
});
