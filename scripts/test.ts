/**
 * `npm test`: every check, and a table of how long each step took at the end (the figures CI's
 * log and the README quote). Each step starts as soon as the steps it needs have passed:
 *
 *   lint → unit tests ∥ typecheck ∥ build (under the e2e base path)
 *                                    build → end-to-end tests
 *
 * The type check and the build run beside the unit tests: each is mostly one process on one
 * core, and the unit tests spend much of their time waiting on Python and worker threads (no
 * unit test reads `dist/`). The end-to-end tests need only the build, so they start when it is
 * done, beside the rest of the unit tests, rather than a minute and a half later: of a
 * 10-minute run on 2 cores, that wait was the longest stretch the suite did not need.
 * A step that fails fails the run; the steps that need it do not start. The end-to-end
 * tests stream their output; the others print theirs when they end, in one piece.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";

interface Step {
  name: string;
  script: string;
  /** Steps that must pass first. */
  after: string[];
  /** Its output goes to the log as it comes (one step at a time may). */
  stream?: boolean;
}

const busy = Number(process.env["BUSY_CORES"] ?? 0);
const STEPS: Step[] = [
  { name: "lint", script: "lint", after: [], stream: true },
  { name: "unit", script: "test:unit", after: ["lint"] },
  { name: "typecheck", script: "typecheck", after: ["lint"] },
  { name: "build", script: "test:build", after: ["lint"] },
  {
    name: busy > 0 ? `e2e (${busy} busy)` : "e2e",
    script: "test:e2e",
    after: ["build"],
    stream: true,
  },
];

/** Runs `npm run <script>`; a streaming step writes as it goes, the others when they end. */
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

const started = performance.now();
const times = new Map<string, number>();
const failed: string[] = [];
const done = new Map<string, Promise<boolean>>();
for (const step of STEPS) {
  const needs = step.after.map((name) => done.get(name) ?? Promise.resolve(false));
  done.set(
    step.name,
    Promise.all(needs).then(async (passed) => {
      if (!passed.every(Boolean)) return false;
      const result = await run(step.script, step.stream ?? false);
      times.set(step.name, result.seconds);
      if (!result.ok) failed.push(step.name);
      return result.ok;
    }),
  );
}
await Promise.all(done.values());

const total = (performance.now() - started) / 1000;
const fmt = (s: number) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
process.stdout.write(`\nnpm test: step times (load average now ${loadavg()[0]?.toFixed(1)})\n`);
for (const { name } of STEPS) {
  const seconds = times.get(name);
  process.stdout.write(
    `  ${name.padEnd(14)} ${seconds === undefined ? "not run" : fmt(seconds)}\n`,
  );
}
process.stdout.write(
  `  ${"total".padEnd(14)} ${fmt(total)}${failed.length > 0 ? `  (failed: ${failed.join(", ")})` : ""}\n`,
);
process.exit(failed.length > 0 ? 1 : 0);
