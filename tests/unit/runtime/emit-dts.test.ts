import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { emitAsyncioDts } from "../../../scripts/emit-asyncio-dts.ts";

test("the runtime's declarations bundle into one .d.ts that types reader code", () => {
  const dts = emitAsyncioDts();
  assert.match(dts, /declare module "asyncio" \{/);
  assert.doesNotMatch(dts, /from "\.\//);
  // New API carries its JSDoc (the Python equivalent and an example) into the editor's types.
  assert.match(
    dts,
    /Python: `loop\.create_task\(coro, \*, name=None, context=None\)`[\s\S]*?@example[\s\S]*?createTask<T>/,
  );
  assert.match(dts, /Python: `e\.args`/);
  const dir = mkdtempSync(join(tmpdir(), "asyncio-dts-"));
  writeFileSync(join(dir, "asyncio.d.ts"), dts);
  writeFileSync(
    join(dir, "ok.ts"),
    'import * as asyncio from "asyncio";\nasyncio.run(async () => { const [a] = await asyncio.gather(() => asyncio.sleep(1, 2)); const n: number = a; asyncio.print(n); const t: asyncio.Task<number> = asyncio.getRunningLoop().createTask(() => asyncio.sleep(1, 3), { name: "x" }); const args: readonly unknown[] = new asyncio.KeyError("k").args; asyncio.print(await t, args); });\n',
  );
  writeFileSync(
    join(dir, "bad.ts"),
    'import * as asyncio from "asyncio";\nconst s: string = asyncio.currentTask();\n',
  );
  const tsc = fileURLToPath(new URL("../../../node_modules/typescript/bin/tsc", import.meta.url));
  const args = [
    "--noEmit",
    "--strict",
    "--target",
    "es2022",
    "--module",
    "esnext",
    "--moduleResolution",
    "bundler",
    "--lib",
    "es2024,esnext.disposable,dom",
  ];
  const ok = spawnSync(process.execPath, [tsc, ...args, "asyncio.d.ts", "ok.ts"], {
    cwd: dir,
    encoding: "utf8",
  });
  assert.equal(ok.status, 0, ok.stdout);
  const bad = spawnSync(process.execPath, [tsc, ...args, "asyncio.d.ts", "bad.ts"], {
    cwd: dir,
    encoding: "utf8",
  });
  assert.match(bad.stdout, /TS2322/);
});
