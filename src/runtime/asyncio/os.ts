/**
 * Python's `os` module, the part that reaches child processes: process groups. The reader's
 * `import * as os from "os"`. The processes are the simulated world's (`simulated-world.ts`);
 * there are no others, so any other pid or group is one that does not exist.
 */
import { type Signals, toSignal } from "./signals.ts";
import { groupOf, signalGroup } from "./simulated-world.ts";

/**
 * The program's own process group. Python: `os.getpgrp()`. Here a fixed number below the
 * children's pids (CPython gives the real one, so a program compares it, never prints it).
 * @example
 * const proc = await asyncio.createSubprocessExec("sleep", "1");
 * print(os.getpgid(proc.pid!) === os.getpgrp()); // true: the child is in the program's group
 */
export function getpgrp(): number {
  return PROGRAM_PGID;
}

const PROGRAM_PGID = 4000;

/**
 * The process group of process `pid`. Python: `os.getpgid(pid)`. Throws `ProcessLookupError`
 * (`[Errno 3] No such process`) once the process has exited.
 * @example
 * const proc = await asyncio.createSubprocessShell("sleep 10", { startNewSession: true });
 * print(os.getpgid(proc.pid!) === proc.pid); // true: it leads a group of its own
 */
export function getpgid(pid: number): number {
  if (pid === 0) return PROGRAM_PGID; // 0: the calling process
  return groupOf(pid) ?? PROGRAM_PGID;
}

/**
 * Send signal `sig` to every process of group `pgid` at once: a child started with
 * `startNewSession: true` and everything it started. Python: `os.killpg(pgid, sig)`. Throws
 * `ProcessLookupError` (`[Errno 3] No such process`) when no process is in that group (as for
 * `proc.pid` of a child left in the program's group). Signal 0 only checks that the group exists.
 * @example
 * const proc = await asyncio.createSubprocessShell("ticker 5 0.5; echo done", { startNewSession: true });
 * os.killpg(proc.pid!, signal.SIGTERM); // the shell and its ticker
 */
export function killpg(pgid: number, sig: Signals | number): void {
  signalGroup(pgid, sig === 0 ? 0 : toSignal(sig).value);
}
