/**
 * The errors of child processes, with CPython's names and messages: `FileNotFoundError` (no such
 * program), `ProcessLookupError` (signalling a process already reaped) and `PermissionError`
 * (joining a process group that does not exist), all `OSError`s.
 */
import { OSError } from "./stream-errors.ts";

function named<T extends Error>(e: T, name: string): T {
  Object.defineProperty(e, "name", {
    value: name,
    enumerable: false,
    configurable: true,
    writable: true,
  });
  return e;
}

/**
 * No program by that name. Python: `FileNotFoundError` (`e.errno` 2, `e.filename`).
 * @example
 * try { await asyncio.createSubprocessExec("nope"); }
 * catch (e) { print(e); } // [Errno 2] No such file or directory: 'nope'
 */
export class FileNotFoundError extends OSError {
  /** Python: `e.filename`. */
  readonly filename: string | null;
  constructor(errno?: number, strerror?: string, filename?: string) {
    super(...(errno === undefined ? [] : [errno, strerror]));
    this.filename = filename ?? null;
    if (filename !== undefined) this.message = `${this.message}: '${filename}'`;
    named(this, "FileNotFoundError");
  }
}

/**
 * The process is gone: it exited and was reaped. Python: `ProcessLookupError` (empty message).
 * @example
 * await proc.wait();
 * try { proc.kill(); } catch (e) { if (e instanceof asyncio.ProcessLookupError) print("already gone"); }
 */
export class ProcessLookupError extends OSError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "ProcessLookupError");
  }
}

/**
 * The operation is not allowed: for a child, joining a process group that does not exist.
 * Python: `PermissionError` (`[Errno 1] Operation not permitted`).
 * @example
 * try { await asyncio.createSubprocessExec("sleep", "1", { processGroup: 99999 }); }
 * catch (e) { print(e); } // [Errno 1] Operation not permitted
 */
export class PermissionError extends OSError {
  constructor(...args: unknown[]) {
    super(...args);
    named(this, "PermissionError");
  }
}
