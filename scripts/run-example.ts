/**
 * Runs an example's TypeScript twin in node, exactly as the page's worker does (same compile
 * options, same globals, same runtime), on the virtual clock, and prints its transcript.
 *
 *   node scripts/run-example.ts hello-gather            # content/examples/hello-gather/main.ts
 *   node scripts/run-example.ts path/to/file.ts         # any reader program
 *   node scripts/run-example.ts hello-gather --speed 1x # real clock
 */
import { existsSync, readFileSync } from "node:fs";
import * as esbuild from "esbuild";
import type { TraceEvent } from "../src/runtime/asyncio/trace.ts";
import { transcript } from "../src/runtime/asyncio/transcript.ts";
import { type ProgramEnd, reportStray, runProgram } from "../src/sandbox/program.ts";
import type { Speed } from "../src/sandbox/protocol.ts";
import { readerBuildOptions } from "../src/shared/compile-options.ts";

export interface NodeRun {
  transcript: string;
  events: TraceEvent[];
  end: ProgramEnd;
  /** Errors outside the transcript (uncaught in a timer, unhandled rejections), one line each. */
  strays: string[];
}

/** Compiles and runs one reader program in this process (call once per process: fresh runtime). */
export async function runReaderSource(source: string, speed: Speed = "instant"): Promise<NodeRun> {
  const built = await esbuild.build(readerBuildOptions(source));
  const code = built.outputFiles[0]?.text ?? "";
  const events: TraceEvent[] = [];
  const strays: string[] = [];
  const nativeSetTimeout = setTimeout;
  const hooks = {
    onEvent: (e: TraceEvent) => events.push(e),
    onError: (_t: number, e: { type: string; message: string }, origin: string) =>
      strays.push(`${origin}: ${e.type}: ${e.message}`),
    moduleUrl: (js: string) => `data:text/javascript;base64,${Buffer.from(js).toString("base64")}`,
    tick: () => new Promise<void>((resolve) => nativeSetTimeout(resolve, 0)),
  };
  process.on("unhandledRejection", (reason) => reportStray(hooks, reason, "unhandled-rejection"));
  const end = await runProgram(code, speed, hooks);
  return { transcript: transcript(events), events, end, strays };
}

function sourceOf(arg: string): string {
  if (existsSync(arg) && arg.endsWith(".ts")) return readFileSync(arg, "utf8");
  const path = `content/examples/${arg}/main.ts`;
  if (!existsSync(path)) throw new Error(`No such example or file: ${arg}`);
  return readFileSync(path, "utf8");
}

if (import.meta.main) {
  const [target, flag, value] = process.argv.slice(2);
  if (!target) {
    console.error(
      "usage: node scripts/run-example.ts <example-id | file.ts> [--speed instant|1x|10x]",
    );
    process.exit(2);
  }
  const speed = (flag === "--speed" ? value : "instant") as Speed;
  const run = await runReaderSource(sourceOf(target), speed);
  process.stdout.write(run.transcript);
  for (const s of run.strays) process.stderr.write(`${s}\n`);
  if (run.end.error)
    process.stderr.write(`${run.end.status}: ${run.end.error.type}: ${run.end.error.message}\n`);
  process.exit(run.end.status === "finished" || run.end.status === "failed" ? 0 : 1);
}
