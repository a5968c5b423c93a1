/**
 * The reader module `aiofiles`: files on the in-memory file system (memfs.ts), each operation
 * (open, every read or write, close) taking `simulated.files({ latency })` (default 0.01 s),
 * as the real aiofiles hands each blocking call to a thread. Writes land at once (no buffer).
 * @example
 * import * as aiofiles from "aiofiles";
 * await using f = await aiofiles.open("example.txt", "r"); // async with aiofiles.open(...) as f:
 * print(await f.read());
 */
import { Lazy, sleep } from "../../runtime/asyncio/index.ts";
import { readFileBytes, writeFileBytes } from "./memfs.ts";
import { FileNotFoundError, pyNamed } from "./py-errors.ts";
import { fromUtf8, utf8 } from "./py-json.ts";
import { settings } from "./simulated.ts";

const pause = () => sleep(settings.files.latency);

/**
 * An open file. Python: aiofiles' `AsyncTextIOWrapper` / `AsyncBufferedReader`.
 * Text modes read and write strings; binary modes (`"rb"`, `"wb"`) Uint8Arrays.
 * @example
 * for await (const line of f) print(line.trimEnd());
 */
export class AsyncFile implements AsyncDisposable {
  readonly name: string;
  readonly mode: string;
  #pos = 0;
  #closed = false;
  constructor(name: string, mode: string, position = 0) {
    this.name = name;
    this.mode = mode;
    this.#pos = position;
  }
  get #binary(): boolean {
    return this.mode.includes("b");
  }
  #bytes(): Uint8Array {
    return readFileBytes(this.name) ?? new Uint8Array(0);
  }
  #check(): void {
    if (this.#closed) throw pyNamed(new Error("I/O operation on closed file."), "ValueError");
  }
  #out(b: Uint8Array): string | Uint8Array {
    return this.#binary ? b : fromUtf8(b);
  }
  /** Python: `await f.read(size=-1)`: the rest of the file, or `size` characters/bytes. */
  read(size = -1): Lazy<string | Uint8Array> {
    return new Lazy(async () => {
      this.#check();
      await pause();
      const all = this.#bytes();
      if (this.#binary) {
        const end = size < 0 ? all.length : Math.min(all.length, this.#pos + size);
        const out = all.subarray(this.#pos, end);
        this.#pos = end;
        return out;
      }
      const text = fromUtf8(all.subarray(this.#pos));
      const chunk = size < 0 ? text : [...text].slice(0, size).join("");
      this.#pos += utf8(chunk).length;
      return chunk;
    });
  }
  /** Python: `await f.readline()`: one line with its `\n` ("" at the end). */
  readline(): Lazy<string | Uint8Array> {
    return new Lazy(async () => {
      this.#check();
      await pause();
      const all = this.#bytes();
      const i = all.indexOf(10, this.#pos);
      const end = i < 0 ? all.length : i + 1;
      const out = all.subarray(this.#pos, end);
      this.#pos = end;
      return this.#out(out);
    });
  }
  /** Python: `await f.readlines()`. */
  readlines(): Lazy<(string | Uint8Array)[]> {
    return new Lazy(async () => {
      const out: (string | Uint8Array)[] = [];
      for (;;) {
        const line = await this.readline();
        if (line.length === 0) return out;
        out.push(line);
      }
    });
  }
  /** Python: `await f.write(data)`: how many characters (or bytes) were written. */
  write(data: string | Uint8Array): Lazy<number> {
    return new Lazy(async () => {
      this.#check();
      await pause();
      const b = typeof data === "string" ? utf8(data) : data;
      const old = this.#bytes();
      const next = new Uint8Array(Math.max(old.length, this.#pos + b.length));
      next.set(old);
      next.set(b, this.#pos);
      writeFileBytes(this.name, next);
      this.#pos += b.length;
      return typeof data === "string" ? [...data].length : data.length;
    });
  }
  /** Python: `await f.close()`. */
  close(): Lazy<void> {
    return new Lazy(async () => {
      if (this.#closed) return;
      await pause();
      this.#closed = true;
    });
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
  /** Python: `async for line in f`. */
  async *[Symbol.asyncIterator](): AsyncGenerator<string | Uint8Array> {
    for (;;) {
      const line = await this.readline();
      if (line.length === 0) return;
      yield line;
    }
  }
}

/**
 * Open a file: "r"/"rb" (FileNotFoundError if missing), "w"/"wb" (emptied), "a"/"ab" (at the
 * end). Python: `aiofiles.open(file, mode="r")`.
 * @example
 * await using f = await aiofiles.open("out.txt", "w");
 * await f.write("hello\n");
 */
export function open(file: string, mode = "r"): Lazy<AsyncFile> {
  return new Lazy(async () => {
    await pause();
    const exists = readFileBytes(file) !== undefined;
    if (mode.startsWith("r") && !exists)
      throw new FileNotFoundError(`[Errno 2] No such file or directory: '${file}'`);
    if (mode.startsWith("w") || !exists) writeFileBytes(file, new Uint8Array(0));
    return new AsyncFile(file, mode, mode.startsWith("a") ? readFileBytes(file)!.length : 0);
  });
}
export { FileNotFoundError } from "./py-errors.ts";
