/**
 * The simulated processes of a loop: the pids handed out (from 4001, per loop) and the processes
 * still running (one that exits is reaped at once, by asyncio's child watcher or by its shell),
 * with their process groups, for `os.killpg` and `os.getpgid` (`os.ts`). A port of the
 * recorder's `World` in `simulated/_processes.py`.
 */
import type { AbstractEventLoop } from "./loop-api.ts";
import { ProcessLookupError } from "./process-errors.ts";
import { state } from "./state.ts";

const FIRST_PID = 4001;

/** What the world needs of a simulated process. */
export interface SimulatedProcess {
  /** Its process group; null when it is in its parent's (the program's). */
  readonly pgid: number | null;
  /** Deliver a signal: it dies unless it ignores it. */
  signal(signum: number): void;
}

export class World {
  #nextPid = FIRST_PID;
  readonly known = new Set<number>();
  readonly running = new Map<number, SimulatedProcess>();

  newPid(): number {
    const pid = this.#nextPid;
    this.#nextPid += 1;
    this.known.add(pid);
    return pid;
  }

  group(pgid: number): SimulatedProcess[] {
    return [...this.running.values()].filter((p) => p.pgid === pgid);
  }
}

const worlds = new WeakMap<AbstractEventLoop, World>();
/** `os.killpg` may be called when no loop runs. */
let lastWorld: World | null = null;

export function worldOf(loop: AbstractEventLoop): World {
  let world = worlds.get(loop);
  if (world === undefined) {
    world = new World();
    worlds.set(loop, world);
  }
  lastWorld = world;
  return world;
}

function currentWorld(): World | null {
  const loop = state.loop;
  return (loop !== null && loop !== undefined ? worlds.get(loop) : undefined) ?? lastWorld;
}

export const noSuchProcess = (): ProcessLookupError => new ProcessLookupError(3, "No such process");

/** Signal every running process of group `pgid`; `ProcessLookupError` when there is none. */
export function signalGroup(pgid: number, signum: number): void {
  const members = currentWorld()?.group(pgid) ?? [];
  if (members.length === 0) throw noSuchProcess();
  if (signum !== 0) for (const member of members) member.signal(signum);
}

/** The process group of `pid`, null for the program's own; `ProcessLookupError` once it is gone. */
export function groupOf(pid: number): number | null {
  const process = currentWorld()?.running.get(pid);
  if (process === undefined) throw noSuchProcess();
  return process.pgid;
}
