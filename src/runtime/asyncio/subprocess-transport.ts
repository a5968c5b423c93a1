/**
 * The transport of a child process: a port of CPython 3.11's `BaseSubprocessTransport`
 * (`base_subprocess.py`) and `_UnixSelectorEventLoop._make_subprocess_transport`, over a
 * simulated process (`simulated-process.ts`) instead of `subprocess.Popen`, so every step, task
 * and loop iteration is CPython's.
 */
import { CancelledError } from "./errors.ts";
import type { Future } from "./future.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { ProcessLookupError } from "./process-errors.ts";
import { KeyboardInterrupt, type Signals } from "./signals.ts";
import type { Pipe } from "./simulated-pipe.ts";
import {
  SimulatedReadPipeTransport,
  SimulatedWritePipeTransport,
} from "./simulated-pipe-transports.ts";
import { PIPE, type ProcessGroupOptions, SimulatedPopen } from "./simulated-process.ts";
import type {
  ReadPipeProtocol,
  ReadPipeTransport,
  SubprocessProtocol,
  WritePipeProtocol,
  WritePipeTransport,
} from "./subprocess-pipes.ts";

/** Where a child's standard streams go: `PIPE`, `STDOUT` (stderr only), `DEVNULL` or null. */
export interface Stdio {
  stdin: number | null;
  stdout: number | null;
  stderr: number | null;
}

/** Python: `base_subprocess.WriteSubprocessPipeProto`, the protocol of the stdin pipe. */
class WriteSubprocessPipeProto<T = WritePipeTransport> implements WritePipeProtocol<T> {
  proc: SubprocessTransport | null;
  readonly fd: number;
  pipe: T | null = null;
  disconnected = false;
  constructor(proc: SubprocessTransport, fd: number) {
    this.proc = proc;
    this.fd = fd;
  }
  connectionMade(transport: T): void {
    this.pipe = transport;
  }
  connectionLost(exc: Error | null): void {
    this.disconnected = true;
    this.proc?._pipeConnectionLost(this.fd, exc);
    this.proc = null;
  }
  pauseWriting(): void {
    this.proc?._protocolOf()?.pauseWriting();
  }
  resumeWriting(): void {
    this.proc?._protocolOf()?.resumeWriting();
  }
}

/** Python: `base_subprocess.ReadSubprocessPipeProto`, the protocol of stdout's or stderr's pipe. */
class ReadSubprocessPipeProto
  extends WriteSubprocessPipeProto<ReadPipeTransport>
  implements ReadPipeProtocol
{
  dataReceived(data: Uint8Array): void {
    this.proc?._pipeDataReceived(this.fd, data);
  }
  eofReceived(): void {}
}

type Pending = () => void;

/** Python: `asyncio.SubprocessTransport` (CPython's `BaseSubprocessTransport`). */
export class SubprocessTransport {
  #closed = false;
  #protocol: SubprocessProtocol<SubprocessTransport> | null;
  #loop: AbstractEventLoop | null;
  _proc: SimulatedPopen | null = null;
  readonly #pid: number | null;
  #returncode: number | null = null;
  #exitWaiters: Future<number>[] | null = [];
  #pendingCalls: Pending[] | null = [];
  readonly #pipes = new Map<
    number,
    ReadSubprocessPipeProto | WriteSubprocessPipeProto<WritePipeTransport> | null
  >();
  #finished = false;

  constructor(
    loop: AbstractEventLoop,
    protocol: SubprocessProtocol<SubprocessTransport>,
    args: readonly unknown[],
    stdio: Stdio,
    waiter: Future<unknown>,
    group: ProcessGroupOptions = {},
  ) {
    this.#protocol = protocol;
    this.#loop = loop;
    if (stdio.stdin === PIPE) this.#pipes.set(0, null);
    if (stdio.stdout === PIPE) this.#pipes.set(1, null);
    if (stdio.stderr === PIPE) this.#pipes.set(2, null);
    try {
      const onExit = (code: number) => this._processExited(code);
      this._proc = new SimulatedPopen(loop, args, stdio, onExit, group);
    } catch (e) {
      this.close();
      throw e;
    }
    this.#pid = this._proc.pid;
    loop.createTask(() => this.#connectPipes(waiter));
  }

  /** Python: `transport.is_closing()`. */
  isClosing(): boolean {
    return this.#closed;
  }

  /** Python: `transport.close()`: closes the pipes, and kills the child if it still runs. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const proto of this.#pipes.values()) proto?.pipe?.close();
    const proc = this._proc;
    if (proc !== null && this.#returncode === null && proc.poll() === null) {
      try {
        proc.kill();
      } catch (e) {
        if (!(e instanceof ProcessLookupError)) throw e;
      }
    }
  }

  /** Python: `transport.get_pid()`. */
  getPid(): number | null {
    return this.#pid;
  }

  /** Python: `transport.get_returncode()`. */
  getReturncode(): number | null {
    return this.#returncode;
  }

  /** Python: `transport.get_pipe_transport(fd)`. */
  getPipeTransport(fd: 1 | 2): ReadPipeTransport | null;
  /** Python: `transport.get_pipe_transport(0)`: stdin's pipe transport. */
  getPipeTransport(fd: 0): WritePipeTransport | null;
  getPipeTransport(fd: number): ReadPipeTransport | WritePipeTransport | null {
    return this.#pipes.get(fd)?.pipe ?? null;
  }

  /** The protocol, for the stdin pipe's flow control. */
  _protocolOf(): SubprocessProtocol<SubprocessTransport> | null {
    return this.#protocol;
  }

  #checkProc(): SimulatedPopen {
    if (this._proc === null) throw new ProcessLookupError();
    return this._proc;
  }

  /** Python: `transport.send_signal(signal)`. */
  sendSignal(sig: Signals | number): void {
    this.#checkProc().sendSignal(sig);
  }

  /** Python: `transport.terminate()`. */
  terminate(): void {
    this.#checkProc().terminate();
  }

  /** Python: `transport.kill()`. */
  kill(): void {
    this.#checkProc().kill();
  }

  async #connectPipes(waiter: Future<unknown>): Promise<void> {
    try {
      const proc = this._proc;
      const loop = this.#loop;
      if (proc === null || loop === null) return;
      if (proc.stdin !== null) this.#pipes.set(0, await this.#connectWritePipe(loop, proc.stdin));
      for (const [fd, pipe] of [
        [1, proc.stdout],
        [2, proc.stderr],
      ] as const) {
        if (pipe !== null) this.#pipes.set(fd, await this.#connectReadPipe(loop, fd, pipe));
      }
      const protocol = this.#protocol;
      if (protocol !== null) loop.callSoon(() => protocol.connectionMade(this));
      for (const call of this.#pendingCalls ?? []) loop.callSoon(call);
      this.#pendingCalls = null;
    } catch (e) {
      if (e instanceof KeyboardInterrupt) throw e;
      if (!waiter.cancelled()) waiter.setException(e as Error);
      return;
    }
    if (!waiter.cancelled()) waiter.setResult(undefined);
  }

  /** Python: `loop.connect_read_pipe(factory, pipe)`, returning the protocol. */
  async #connectReadPipe(
    loop: AbstractEventLoop,
    fd: number,
    pipe: Pipe,
  ): Promise<ReadSubprocessPipeProto> {
    const protocol = new ReadSubprocessPipeProto(this, fd);
    const waiter = loop.createFuture();
    const transport = new SimulatedReadPipeTransport(loop, pipe, protocol, waiter);
    try {
      await waiter;
    } catch (e) {
      transport.close();
      throw e;
    }
    return protocol;
  }

  /** Python: `loop.connect_write_pipe(factory, pipe)`, returning the protocol. */
  async #connectWritePipe(
    loop: AbstractEventLoop,
    pipe: Pipe,
  ): Promise<WriteSubprocessPipeProto<WritePipeTransport>> {
    const protocol = new WriteSubprocessPipeProto<WritePipeTransport>(this, 0);
    const waiter = loop.createFuture();
    const transport = new SimulatedWritePipeTransport(loop, pipe, protocol, waiter);
    try {
      await waiter;
    } catch (e) {
      transport.close();
      throw e;
    }
    return protocol;
  }

  #call(cb: Pending): void {
    if (this.#pendingCalls !== null) this.#pendingCalls.push(cb);
    else this.#loop?.callSoon(cb);
  }

  _pipeConnectionLost(fd: number, exc: Error | null): void {
    const protocol = this.#protocol;
    this.#call(() => protocol?.pipeConnectionLost(fd, exc));
    this.#tryFinish();
  }

  _pipeDataReceived(fd: number, data: Uint8Array): void {
    const protocol = this.#protocol;
    this.#call(() => protocol?.pipeDataReceived(fd, data));
  }

  _processExited(returncode: number): void {
    this.#returncode = returncode;
    if (this._proc !== null && this._proc.returncode === null) this._proc.returncode = returncode;
    const protocol = this.#protocol;
    this.#call(() => protocol?.processExited());
    this.#tryFinish();
  }

  /** Python: `await transport._wait()`: the return code, once the child has exited. */
  async _wait(): Promise<number> {
    if (this.#returncode !== null) return this.#returncode;
    const loop = this.#loop;
    if (loop === null || this.#exitWaiters === null) throw new CancelledError();
    const waiter = loop.createFuture<number>();
    this.#exitWaiters.push(waiter);
    return await waiter;
  }

  #tryFinish(): void {
    if (this.#finished || this.#returncode === null) return;
    for (const p of this.#pipes.values()) if (p === null || !p.disconnected) return;
    this.#finished = true;
    this.#call(() => this.#callConnectionLost(null));
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this.#protocol?.connectionLost(exc);
    } finally {
      for (const w of this.#exitWaiters ?? [])
        if (!w.cancelled()) w.setResult(this.#returncode ?? 0);
      this.#exitWaiters = null;
      this.#loop = null;
      this._proc = null;
      this.#protocol = null;
    }
  }
}

/** Python: `loop._make_subprocess_transport(...)` (Unix), without a child watcher. */
export async function makeSubprocessTransport(
  loop: AbstractEventLoop,
  protocol: SubprocessProtocol<SubprocessTransport>,
  args: readonly unknown[],
  stdio: Stdio,
  group: ProcessGroupOptions = {},
): Promise<SubprocessTransport> {
  const waiter = loop.createFuture();
  const transport = new SubprocessTransport(loop, protocol, args, stdio, waiter, group);
  try {
    await waiter;
  } catch (e) {
    if (e instanceof KeyboardInterrupt) throw e;
    transport.close();
    await transport._wait();
    throw e;
  }
  transport._proc?.child.start();
  return transport;
}
