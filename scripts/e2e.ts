/**
 * `npm run test:e2e`: the Playwright suite; with `BUSY_CORES=N`, run while N busy processes
 * pin N cores (scripts/busy.ts), as CI does, to prove no test depends on the machine's speed.
 *
 *   BUSY_CORES=2 npm run test:e2e [-- playwright arguments]
 */
import { spawn } from "node:child_process";
import { startBusy } from "./busy.ts";

const cores = Number(process.env["BUSY_CORES"] ?? 0);
// Bounded so a stuck run cannot leave the cores pinned: CI's own limit is 90 minutes.
const busy = cores > 0 ? startBusy(cores, 60 * 60) : null;
if (busy) process.stdout.write(`e2e: running with ${cores} busy process(es) pinning the cores\n`);

const playwright = spawn("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
});
const stopAll = () => {
  busy?.stop();
  playwright.kill("SIGTERM");
};
process.once("SIGINT", stopAll);
process.once("SIGTERM", stopAll);
playwright.once("exit", (code, signal) => {
  busy?.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
