/**
 * How long a wait may last before a test says it failed, scaled by the machine's load.
 *
 * Tests wait for states (an attribute, a line, an event); a timeout only decides when a test
 * that will never see its state says so. Those bounds were set for a 2-core machine with both
 * cores pinned (load 2 per core), and a busier machine stretches every step: at load 27 on 2
 * cores (CI beside four other builds), the TypeScript service took more than the 20 s one test
 * gave it to mark an error, and two tests ran past 90 s while every step was only slow. So each
 * bound is multiplied by the load per core beyond that (read once per worker, when its tests
 * start), up to 4×: a test that hangs still fails, in at most four times its bound.
 */
import { cpus, loadavg } from "node:os";

const PINNED = 2; // runnable threads per core that the bounds already allow for
const factor = Math.min(4, Math.max(1, loadavg()[0]! / Math.max(1, cpus().length) / PINNED));

/** `ms`, stretched by how much busier than the bounds assume the machine is now (1× to 4×). */
export function patience(ms: number): number {
  return Math.round(ms * factor);
}
