/**
 * "Task was destroyed but it is pending!": a task freed before it finished.
 *
 * CPython reports it from `Task.__del__`, when the last reference to a pending task goes. A
 * running loop holds every task that waits on a timer or on a future someone will set, so in
 * practice it happens once the loop that would have finished the task is gone: a program that
 * runs its own loop (`new_event_loop()`, `run_forever()`) and closes it while a task is still
 * pending sees it when the collector frees the task, at the latest as the interpreter exits.
 * (`asyncio.run` never leaves one behind: its shutdown cancels and finishes every task first.)
 * JavaScript cannot see references, so the port reports, when such a loop is closed, every task
 * of it still pending, in creation order: what CPython reports at exit, since nothing can run
 * them any more. A program that prints after closing its loop sees the report sooner here.
 */
import type { LoopInternals } from "./loop-internals.ts";

/**
 * The loop is closing: report its tasks that are still pending.
 * @example
 * loop.close(); // [t=2.500] LOOP-ERROR Task was destroyed but it is pending!
 */
export function reportDestroyedPending(loop: LoopInternals): void {
  for (const task of loop._tasks) {
    if (task.done()) continue;
    loop.callExceptionHandler({ message: "Task was destroyed but it is pending!", task });
  }
}
