/**
 * A simulated pipe: 64 KiB, as Linux's. For a child's stdout and stderr the child writes and the
 * parent's read transport reads; for its stdin the parent's write transport writes and the child
 * reads. A port of the recorder's `simulated/_processes.py` `Pipe`.
 */

/** Linux's default pipe buffer. */
export const PIPE_CAPACITY = 64 * 1024;

/** The parent's end that reads: told when the pipe may be readable. */
export interface PipeReader {
  _poll(): void;
}

/** The parent's end that writes: told when there is room, or when the reader has closed. */
export interface PipeWriter {
  _room(): void;
  _peerClosed(): void;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export class Pipe {
  data: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  writeClosed = false;
  readClosed = false;
  reader: PipeReader | null = null;
  writer: PipeWriter | null = null;
  /** A child waiting to read: called once data or the end arrives. */
  onData: (() => void) | null = null;
  /**
   * Child processes holding an end (a shell's commands inherit the shell's ends): the end
   * closes when the last of them exits, as a file descriptor does.
   */
  childWriters = 0;
  childReaders = 0;
  #blocked: { rest: Uint8Array; resume: () => void } | null = null;

  readable(): boolean {
    return this.data.length > 0 || this.writeClosed;
  }

  /** The parent writes without blocking: puts in what fits, returns how much. */
  put(data: Uint8Array): number {
    const n = Math.min(data.length, PIPE_CAPACITY - this.data.length);
    this.data = concat(this.data, data.subarray(0, n));
    if (n > 0) this.#wakeReader();
    return n;
  }

  /** The child writes: true when all of it fit, else `resume()` is called once it has. */
  write(data: Uint8Array, resume: () => void): boolean {
    const room = Math.max(0, PIPE_CAPACITY - this.data.length);
    this.data = concat(this.data, data.subarray(0, room));
    this.#wakeReader();
    if (data.length <= room) return true;
    this.#blocked = { rest: data.subarray(room), resume };
    return false;
  }

  #wakeReader(): void {
    this.reader?._poll();
    const waiting = this.onData;
    this.onData = null;
    waiting?.();
  }

  read(n: number): Uint8Array {
    const chunk = this.data.slice(0, n);
    this.data = this.data.slice(n);
    const blocked = this.#blocked;
    if (chunk.length > 0 && blocked !== null) {
      this.#blocked = null;
      if (this.write(blocked.rest, blocked.resume)) blocked.resume();
    }
    if (chunk.length > 0) this.writer?._room();
    return chunk;
  }

  closeWrite(): void {
    this.#blocked = null;
    this.writeClosed = true;
    this.#wakeReader();
  }

  closeRead(): void {
    this.readClosed = true;
    this.writer?._peerClosed();
  }

  /** A child process that held the write end exited: the end closes with the last. */
  dropChildWriter(): void {
    this.childWriters -= 1;
    if (this.childWriters === 0) this.closeWrite();
  }

  /** A child process that held the read end exited: the end closes with the last. */
  dropChildReader(): void {
    this.childReaders -= 1;
    if (this.childReaders === 0) this.closeRead();
  }
}
