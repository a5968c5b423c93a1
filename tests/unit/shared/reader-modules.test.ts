/**
 * The one list of reader modules (src/shared/reader-modules.ts) and everything derived from it:
 * the generated files are up to date, each TypeScript module is installed by the sandbox as the
 * very module its source file exports, and each Python stand-in exists where the recorder looks.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { emitAsyncioDts } from "../../../scripts/emit-asyncio-dts.ts";
import { emitReaderDts } from "../../../scripts/emit-reader-dts.ts";
import { generatedFiles } from "../../../scripts/sync-reader-modules.ts";
import { installServices } from "../../../src/sandbox/services/install.ts";
import { READER_MODULES as COMPILED } from "../../../src/shared/compile-options.ts";
import {
  MODULES,
  READER_MODULES,
  RUNTIME_SUBMODULES,
  SERVICE_MODULES,
} from "../../../src/shared/reader-modules.ts";

const STANDINS = "scripts/python/standins";

test("tsconfig.json's paths and the recorder's standin_names.py are generated from the list", () => {
  for (const [file, is, shouldBe] of generatedFiles())
    assert.equal(is, shouldBe, `${file} is out of date: run node scripts/sync-reader-modules.ts`);
});

test("the compiler accepts exactly the list's TypeScript modules", () => {
  assert.equal(COMPILED, READER_MODULES);
  assert.deepEqual(
    Object.keys(READER_MODULES).sort(),
    MODULES.filter((m) => m.ts)
      .map((m) => m.name)
      .sort(),
  );
});

test("each service module is installed as the module its source exports, and nothing else is", async () => {
  const g: Record<string, unknown> = {};
  installServices(g);
  const installed = Object.keys(g).filter((k) => k.startsWith("__"));
  const expected = Object.keys(SERVICE_MODULES).map((name) => READER_MODULES[name]!);
  assert.deepEqual(installed.sort(), expected.sort());
  for (const m of MODULES) {
    if (!m.ts || !(m.name in SERVICE_MODULES)) continue;
    const module = await import(pathToFileURL(resolve(m.ts.source)).href);
    assert.equal(g[m.ts.global], module, m.name);
  }
});

test("the editor's declarations declare every TypeScript module, from the list", () => {
  const dts = emitAsyncioDts() + emitReaderDts();
  for (const name of Object.keys(READER_MODULES))
    assert.match(dts, new RegExp(`declare module "${name}" \\{`), name);
  for (const [name, file] of Object.entries(RUNTIME_SUBMODULES))
    assert.ok(existsSync(`src/runtime/asyncio/${file}.ts`), `${name}: ${file}.ts`);
  assert.deepEqual(Object.keys(RUNTIME_SUBMODULES).sort(), ["contextvars", "os", "signal"]);
});

test("every Python stand-in is a folder of the recorder's stand-ins, and only they are", () => {
  const folders = readdirSync(STANDINS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "__pycache__")
    .map((d) => d.name)
    .sort();
  const standins = MODULES.filter((m) => m.python === "standin")
    .map((m) => m.name)
    .sort();
  assert.deepEqual(folders, standins);
  for (const m of MODULES.filter((x) => x.python === "absent"))
    assert.ok(!existsSync(`${STANDINS}/${m.name}`), m.name);
});
