/**
 * Keeps `cores` CPU cores busy for at most `seconds`, to prove the tests wait for states and
 * not for times: CI runs the end-to-end suite once with both of its cores pinned. Each core gets
 * a child process spinning in a loop that checks its own deadline, so nothing outlives the run
 * even if this process is killed.
 *
 *   node scripts/busy.ts [cores=2] [seconds=600]
 */
import { type ChildProcess, spawn } from "node:child_process";

/** A spinning loop that ends itself at `deadline` (ms since the epoch). */
const SPIN =
  "const end = Number(process.argv[1]); while (Date.now() < end) for (let i = 0; i < 1e6; i++);";

export interface Busy {
  readonly processes: readonly ChildProcess[];
  /** Stops the busy processes now (they also stop by themselves at the deadline). */
  stop(): void;
}

export function startBusy(cores: number, seconds: number): Busy {
  const deadline = Date.now() + seconds * 1000;
  const processes = Array.from({ length: cores }, () =>
    spawn(process.execPath, ["-e", SPIN, String(deadline)], { stdio: "ignore" }),
  );
  return {
    processes,
    stop() {
      for (const p of processes) if (p.exitCode === null) p.kill();
    },
  };
}

if (import.meta.main) {
  const [cores = "2", seconds = "600"] = process.argv.slice(2);
  const busy = startBusy(Number(cores), Number(seconds));
  process.stdout.write(
    `busy: ${cores} process(es) spinning for at most ${seconds} s: ${busy.processes.map((p) => p.pid).join(" ")}\n`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => busy.stop());
}
