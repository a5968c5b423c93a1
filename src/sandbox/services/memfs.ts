/**
 * The in-memory file system behind `aiofiles` and `web` static routes: paths are plain keys
 * (`./a.txt` is `a.txt`; no directories to create), contents are bytes. Empty at the start
 * of each run; `simulated.files({ contents })` or a write fills it.
 */
import { _onFiles } from "./simulated.ts";

const files = new Map<string, Uint8Array>();

/** The key of a path: `./x` and `x` are the same file, `a//b` is `a/b`. */
export function normPath(path: string): string {
  return path.replace(/\/+/g, "/").replace(/^(\.\/)+/, "");
}

/** The bytes of a file, or undefined. */
export function readFileBytes(path: string): Uint8Array | undefined {
  return files.get(normPath(path));
}

/** Replace a file's bytes (creating it). */
export function writeFileBytes(path: string, data: Uint8Array): void {
  files.set(normPath(path), data);
}

/** Is there such a file? */
export function exists(path: string): boolean {
  return files.has(normPath(path));
}

/** Remove a file; false if there was none. */
export function removeFile(path: string): boolean {
  return files.delete(normPath(path));
}

/** Every path, sorted. */
export function listFiles(): string[] {
  return [...files.keys()].sort();
}

/** Empty the file system (each run starts here). */
export function _reset(): void {
  files.clear();
}

_onFiles((path, text) => writeFileBytes(path, new TextEncoder().encode(text)));
