/**
 * `npm test`: every check, stopping at the first stage that fails, and a table of how long each
 * step took at the end (the figures CI's log and the README quote).
 *
 *   lint → unit tests ∥ typecheck ∥ build (under the e2e base path) → end-to-end tests
 *
 * The type check and the build run beside the unit tests: each is mostly one process on one
 * core, and the unit tests spend much of their time waiting on Python and worker threads, so
 * together they take little more than the unit tests alone (no unit test reads `dist/`). Their
 * output is printed when each ends, in one piece.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";

type Step = [name: string, script: string];
/** Stages in order; the steps of one stage run at the same time. */
const STAGES: Step[][] = [
  [["lint", "lint"]],
  [
    ["unit", "test:unit"],
    ["typecheck", "typecheck"],
    ["build", "test:build"],
  ],
  // Under BUSY_CORES (CI sets 2: .ci/run), scripts/e2e.ts pins that many cores for this step.
  [
    [
      Number(process.env["BUSY_CORES"] ?? 0) > 0
        ? `e2e (${process.env["BUSY_CORES"]} busy)`
        : "e2e",
      "test:e2e",
    ],
  ],
];

/** Runs `npm run <script>`; the first step of a stage streams, the others print when they end. */
function run(script: string, stream: boolean): Promise<{ ok: boolean; seconds: number }> {
  const t0 = performance.now();
  const child = spawn("npm", ["run", "--silent", script], {
    stdio: stream ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout?.on("data", (b: Buffer) => output.push(b));
  child.stderr?.on("data", (b: Buffer) => output.push(b));
  return new Promise((resolve) => {
    child.on("close", (code) => {
      if (!stream) process.stdout.write(Buffer.concat(output));
      resolve({ ok: code === 0, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

const times: [string, number][] = [];
const started = performance.now();
let failed: string | null = null;
for (const stage of STAGES) {
  const results = await Promise.all(stage.map(([, script], i) => run(script, i === 0)));
  for (const [i, [name]] of stage.entries()) times.push([name, results[i]?.seconds ?? 0]);
  const bad = stage.find((_, i) => !results[i]?.ok);
  if (bad) {
    failed = bad[0];
    break;
  }
}
const total = (performance.now() - started) / 1000;
const fmt = (s: number) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
process.stdout.write(`\nnpm test: step times (load average now ${loadavg()[0]?.toFixed(1)})\n`);
for (const [name, s] of times) process.stdout.write(`  ${name.padEnd(14)} ${fmt(s)}\n`);
process.stdout.write(
  `  ${"total".padEnd(14)} ${fmt(total)}${failed ? `  (failed at ${failed})` : ""}\n`,
);
process.exit(failed ? 1 : 0);
