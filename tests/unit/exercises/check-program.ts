/**
 * Runs one program of an exercise (its main.ts or solution.ts) as the page would, on the
 * virtual clock, gives the run to the exercise's check, and prints the verdict as JSON.
 * One program per process, as each page run gets a fresh worker.
 *
 *   node tests/unit/exercises/check-program.ts sample-gather solution.ts
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { runReaderSource } from "../../../scripts/run-example.ts";
import type { CheckModule, RunResult } from "../../../src/playground/exercise/check-types.ts";
import { parsedLinesOf } from "../../../src/runtime/asyncio/transcript.ts";

const [id, file] = process.argv.slice(2);
if (!id || !file) {
  console.error(
    "usage: node tests/unit/exercises/check-program.ts <exercise-id> <main.ts|solution.ts>",
  );
  process.exit(2);
}
const dir = `content/exercises/${id}`;
const run = await runReaderSource(readFileSync(`${dir}/${file}`, "utf8"), "instant");
const result: RunResult = {
  status: run.end.status,
  t: run.end.t,
  lines: run.events.flatMap(parsedLinesOf),
  events: run.events,
  speed: "instant",
  compiled: true,
};
const mod = (await import(pathToFileURL(resolve(dir, "check.ts")).href)) as CheckModule;
const verdict = mod.default(result);
process.stdout.write(
  `${JSON.stringify({ ...verdict, status: result.status, t: result.t, transcript: run.transcript })}\n`,
);
