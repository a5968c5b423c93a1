/**
 * The fill in an engine without the built-ins, end to end: the exit-stack example's TypeScript
 * (which uses `AsyncDisposableStack`), run by the sandbox's program runner bundled as the page
 * bundles the worker (esbuild, es2022, so `await using` is compiled down), in a node started with
 * `--no-js-explicit-resource-management` (no `AsyncDisposableStack`, no `SuppressedError`, as in
 * Safari). With the fill first it prints CPython's transcript; without it, it does not.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import * as esbuild from "esbuild";
import { compileReader } from "../../../scripts/lib/compile-reader.ts";

const ROOT = resolve(import.meta.dirname, "../../..");
const EXAMPLE = join(ROOT, "content/examples/acm-exitstack");

async function runWithoutBuiltins(withFill: boolean): Promise<string> {
  const code = await compileReader(readFileSync(join(EXAMPLE, "main.ts"), "utf8"));
  const entry = [
    withFill ? `import ${JSON.stringify(join(ROOT, "src/sandbox/disposal-fill.ts"))};` : "",
    `import { runCompiled } from ${JSON.stringify(join(ROOT, "scripts/lib/run-compiled.ts"))};`,
    `const run = await runCompiled(${JSON.stringify(code)});`,
    "process.stdout.write(run.transcript);",
  ].join("\n");
  const built = await esbuild.build({
    stdin: { contents: entry, loader: "ts", resolveDir: ROOT },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const dir = mkdtempSync(join(tmpdir(), "disposal-fill-"));
  try {
    const file = join(dir, "run.mjs");
    writeFileSync(file, built.outputFiles[0]?.text ?? "");
    const r = spawnSync(process.execPath, ["--no-js-explicit-resource-management", file], {
      encoding: "utf8",
      timeout: 60_000,
    });
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("an engine without AsyncDisposableStack runs the exit-stack example, given the fill", async () => {
  const probe = spawnSync(
    process.execPath,
    ["--no-js-explicit-resource-management", "-p", "typeof AsyncDisposableStack"],
    { encoding: "utf8" },
  );
  assert.equal(probe.stdout.trim(), "undefined", "the flag no longer removes the built-ins");
  const expected = readFileSync(join(EXAMPLE, "python.out"), "utf8");
  assert.equal(await runWithoutBuiltins(true), expected);
  assert.match(
    await runWithoutBuiltins(false),
    /EXC ReferenceError: AsyncDisposableStack is not defined/,
    "without the fill the example should fail as it did in Safari",
  );
});
