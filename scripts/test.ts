/**
 * `npm test`: every check, in order, stopping at the first that fails, and a table of how long
 * each step took at the end (the figures CI's log and the README quote).
 *
 *   lint → typecheck → unit tests → build (under the e2e base path) → end-to-end tests
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";

const STEPS: [name: string, script: string][] = [
  ["lint", "lint"],
  ["typecheck", "typecheck"],
  ["unit", "test:unit"],
  ["build", "test:build"],
  ["e2e", "test:e2e"],
];

const times: [string, number][] = [];
const started = performance.now();
let failed: string | null = null;
for (const [name, script] of STEPS) {
  const t0 = performance.now();
  const run = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  times.push([name, (performance.now() - t0) / 1000]);
  if (run.status !== 0) {
    failed = name;
    break;
  }
}
const total = (performance.now() - started) / 1000;
const fmt = (s: number) => `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
process.stdout.write(`\nnpm test: step times (load average now ${loadavg()[0]?.toFixed(1)})\n`);
for (const [name, s] of times) process.stdout.write(`  ${name.padEnd(10)} ${fmt(s)}\n`);
process.stdout.write(
  `  ${"total".padEnd(10)} ${fmt(total)}${failed ? `  (failed at ${failed})` : ""}\n`,
);
process.exit(failed ? 1 : 0);
