/**
 * Runs an example's TypeScript twin in node, exactly as the page's worker does (same compile
 * options, same globals, same runtime), on the virtual clock, and prints its transcript.
 *
 *   node scripts/run-example.ts hello-gather            # content/examples/hello-gather/main.ts
 *   node scripts/run-example.ts path/to/file.ts         # any reader program
 *   node scripts/run-example.ts hello-gather --speed 1x # real clock
 *   node scripts/run-example.ts task-names --python 3.13 # the runtime following CPython 3.13
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { isPythonVersion } from "../src/runtime/asyncio/python-version.ts";
import type { RunOptions, Speed } from "../src/sandbox/protocol.ts";
import { compileReader } from "./lib/compile-reader.ts";
import { type NodeRun, runCompiled } from "./lib/run-compiled.ts";

export type { NodeRun };

/** Compiles and runs one reader program in this process (call once per process: fresh runtime). */
export async function runReaderSource(
  source: string,
  options: Partial<RunOptions> = {},
): Promise<NodeRun> {
  return runCompiled(await compileReader(source), options);
}

function sourceOf(arg: string): string {
  if (existsSync(arg) && arg.endsWith(".ts")) return readFileSync(arg, "utf8");
  const path = `content/examples/${arg}/main.ts`;
  if (!existsSync(path)) throw new Error(`No such example or file: ${arg}`);
  return readFileSync(path, "utf8");
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { speed: { type: "string" }, python: { type: "string" } },
  });
  const target = positionals[0];
  if (!target || (values.python !== undefined && !isPythonVersion(values.python))) {
    console.error(
      "usage: node scripts/run-example.ts <example-id | file.ts> [--speed instant|1x|10x] [--python 3.X]",
    );
    process.exit(2);
  }
  const speed = (values.speed ?? "instant") as Speed;
  const python = isPythonVersion(values.python) ? values.python : "3.11";
  const run = await runReaderSource(sourceOf(target), { speed, python });
  process.stdout.write(run.transcript);
  for (const s of run.strays) process.stderr.write(`${s}\n`);
  if (run.end.error)
    process.stderr.write(`${run.end.status}: ${run.end.error.type}: ${run.end.error.message}\n`);
  process.exit(run.end.status === "finished" || run.end.status === "failed" ? 0 : 1);
}
