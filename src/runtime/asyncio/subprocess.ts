/**
 * Child processes: `createSubprocessExec`, `createSubprocessShell` and `Process`, as CPython
 * 3.11's `asyncio/subprocess.py` writes them, over simulated commands (`simulated-process.ts`;
 * the list is in scripts/python/standins/SERVICES.md, "Subprocesses"). The page has no real
 * processes: `echo`, `sleep`, `seq`, `cat`, `true`, `false`, `ticker`, `fail`, `stubborn` and
 * `sh` (a small dash, `simulated-shell.ts`) are what a program can run.
 */
import { type Bytes, type BytesLike, toBytes } from "./bytes.ts";
import { ValueError } from "./errors.ts";
import { FlowControl } from "./flow-control.ts";
import type { Future } from "./future.ts";
import { gather } from "./gather.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import type { Signals } from "./signals.ts";
import { DEVNULL, PIPE, type ProcessGroupOptions, STDOUT } from "./simulated-process.ts";
import { BrokenPipeError, ConnectionResetError } from "./stream-errors.ts";
import { DEFAULT_LIMIT, StreamReader } from "./stream-reader.ts";
import { StreamWriter } from "./stream-writer.ts";
import type { SubprocessProtocol, WritePipeTransport } from "./subprocess-pipes.ts";
import { makeSubprocessTransport, type SubprocessTransport } from "./subprocess-transport.ts";
import { getRunningLoop } from "./tasks.ts";

export { DEVNULL, PIPE, STDOUT };

/** Python: `asyncio.subprocess.SubprocessStreamProtocol`: a child's pipes as `StreamReader`s. */
export class SubprocessStreamProtocol implements SubprocessProtocol<SubprocessTransport> {
  stdin: StreamWriter<WritePipeTransport> | null = null;
  stdout: StreamReader | null = null;
  stderr: StreamReader | null = null;
  readonly #limit: number;
  readonly #loop: AbstractEventLoop;
  readonly #flow: FlowControl;
  #transport: SubprocessTransport | null = null;
  #processExited = false;
  readonly #pipeFds: number[] = [];
  readonly #stdinClosed: Future<unknown>;

  constructor(limit: number, loop: AbstractEventLoop) {
    this.#limit = limit;
    this.#loop = loop;
    this.#flow = new FlowControl(loop);
    this.#stdinClosed = loop.createFuture();
  }

  pauseWriting(): void {
    this.#flow.pauseWriting();
  }

  resumeWriting(): void {
    this.#flow.resumeWriting();
  }

  _drainHelper(): Promise<void> {
    return this.#flow.drainHelper();
  }

  /** What `proc.stdin.waitClosed()` awaits. */
  _getCloseWaiter(): Future<unknown> {
    return this.#stdinClosed;
  }

  connectionMade(transport: SubprocessTransport): void {
    this.#transport = transport;
    for (const fd of [1, 2] as const) {
      const pipe = transport.getPipeTransport(fd);
      if (pipe === null) continue;
      const reader = new StreamReader({ limit: this.#limit, loop: this.#loop });
      reader.setTransport(pipe);
      if (fd === 1) this.stdout = reader;
      else this.stderr = reader;
      this.#pipeFds.push(fd);
    }
    const stdin = transport.getPipeTransport(0);
    if (stdin !== null) this.stdin = new StreamWriter(stdin, this, null, this.#loop);
  }

  #reader(fd: number): StreamReader | null {
    return fd === 1 ? this.stdout : fd === 2 ? this.stderr : null;
  }

  pipeDataReceived(fd: number, data: Uint8Array): void {
    this.#reader(fd)?.feedData(data);
  }

  pipeConnectionLost(fd: number, exc: Error | null): void {
    if (fd === 0) {
      this.stdin?.close();
      this.connectionLost(exc);
      if (exc === null) this.#stdinClosed.setResult(undefined);
      else this.#stdinClosed.setException(exc);
      return;
    }
    const reader = this.#reader(fd);
    if (reader !== null) {
      if (exc === null) reader.feedEof();
      else reader.setException(exc);
    }
    const at = this.#pipeFds.indexOf(fd);
    if (at >= 0) this.#pipeFds.splice(at, 1);
    this.#maybeCloseTransport();
  }

  processExited(): void {
    this.#processExited = true;
    this.#maybeCloseTransport();
  }

  #maybeCloseTransport(): void {
    if (this.#pipeFds.length === 0 && this.#processExited) {
      this.#transport?.close();
      this.#transport = null;
    }
  }

  connectionLost(exc: Error | null): void {
    this.#flow.connectionLost(exc);
  }
}

/**
 * A running child process. Python: `asyncio.subprocess.Process`.
 * @example
 * const proc = await asyncio.createSubprocessExec("ticker", "3", "0.5", { stdout: asyncio.PIPE });
 * for await (const line of proc.stdout!) print(line.decode().trim());
 * print(await proc.wait()); // 0
 */
export class Process {
  /** Python: `proc.pid`. */
  readonly pid: number | null;
  /** Python: `proc.stdin`: a `StreamWriter` when made with `stdin: PIPE`, else null. */
  readonly stdin: StreamWriter<WritePipeTransport> | null;
  /** Python: `proc.stdout`: a `StreamReader` when made with `stdout: PIPE`, else null. */
  readonly stdout: StreamReader | null;
  /** Python: `proc.stderr`: a `StreamReader` when made with `stderr: PIPE`, else null. */
  readonly stderr: StreamReader | null;
  readonly #transport: SubprocessTransport;

  constructor(transport: SubprocessTransport, protocol: SubprocessStreamProtocol) {
    this.#transport = transport;
    this.stdin = protocol.stdin;
    this.stdout = protocol.stdout;
    this.stderr = protocol.stderr;
    this.pid = transport.getPid();
  }

  /**
   * The exit status once the child has exited and been reaped, else null; minus the signal's
   * number when a signal ended it (`-9` after `kill()`). Python: `proc.returncode`.
   * @example
   * await proc.wait();
   * print(proc.returncode); // 0
   */
  get returncode(): number | null {
    return this.#transport.getReturncode();
  }

  /**
   * Wait until the child exits; its return code. Python: `await proc.wait()`. With `stdout:
   * PIPE` and nobody reading, a child that writes more than the pipes hold never exits: read
   * the output, or use `communicate()`.
   * @example
   * const proc = await asyncio.createSubprocessExec("sleep", "1");
   * print(await proc.wait()); // 0, at 1 s
   */
  async wait(): Promise<number> {
    return await this.#transport._wait();
  }

  /**
   * Send a signal (`signal.SIGTERM`, `signal.SIGINT`, …). Python: `proc.send_signal(sig)`.
   * Throws `ProcessLookupError` once the process has been reaped.
   * @example
   * proc.sendSignal(signal.SIGINT);
   */
  sendSignal(sig: Signals | number): void {
    this.#transport.sendSignal(sig);
  }

  /**
   * Ask the child to stop: SIGTERM, which a program may catch or ignore. Python: `proc.terminate()`.
   * @example
   * proc.terminate();
   * print(await proc.wait()); // -15
   */
  terminate(): void {
    this.#transport.terminate();
  }

  /**
   * Stop the child: SIGKILL, which no program can catch. Python: `proc.kill()`. Reap it after
   * with `await proc.wait()`.
   * @example
   * proc.kill();
   * print(await proc.wait()); // -9
   */
  kill(): void {
    this.#transport.kill();
  }

  async #feedStdin(input: BytesLike): Promise<null> {
    const stdin = this.stdin as StreamWriter<WritePipeTransport>;
    stdin.write(toBytes(input));
    try {
      await stdin.drain();
    } catch (e) {
      // communicate() ignores BrokenPipeError and ConnectionResetError
      if (!(e instanceof BrokenPipeError || e instanceof ConnectionResetError)) throw e;
    }
    stdin.close();
    return null;
  }

  async #noop(): Promise<null> {
    return null;
  }

  async #readStream(fd: 1 | 2): Promise<Bytes> {
    const transport = this.#transport.getPipeTransport(fd);
    const stream = (fd === 2 ? this.stderr : this.stdout) as StreamReader;
    const output = await stream.read();
    transport?.close();
    return output;
  }

  /**
   * Send `input` to stdin and close it (if given), read stdout and stderr to their end (all at
   * once, so no pipe fills up), then wait for the child to exit: `[stdout, stderr]`, each null
   * when not piped. Python: `stdout, stderr = await proc.communicate(input=None)`. As in Python
   * 3.11, stdin is left open when no input is given (3.12 closes it).
   * @example
   * const proc = await asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
   * const [out] = await proc.communicate("hi\n");
   * print(out); // b'hi\n'
   */
  async communicate(input: BytesLike | null = null): Promise<[Bytes | null, Bytes | null]> {
    const stdin = input !== null ? () => this.#feedStdin(input) : () => this.#noop();
    const stdout = this.stdout !== null ? () => this.#readStream(1) : () => this.#noop();
    const stderr = this.stderr !== null ? () => this.#readStream(2) : () => this.#noop();
    const [, out, err] = await gather(stdin, stdout, stderr);
    await this.wait();
    return [out, err];
  }
}

/** Options of `createSubprocessExec` and `createSubprocessShell`: Python's keyword arguments. */
export interface SubprocessOptions extends ProcessGroupOptions {
  /** `PIPE` (write to it with `proc.stdin`), `DEVNULL`, or null (reads as empty). */
  stdin?: number | null;
  /** `PIPE` (read it from `proc.stdout`), `DEVNULL`, or null: the page's output. */
  stdout?: number | null;
  /** `PIPE`, `STDOUT` (into stdout's pipe), `DEVNULL`, or null (dropped). */
  stderr?: number | null;
  /** The `StreamReader`s' limit, 64 KiB by default. */
  limit?: number;
}

/**
 * Start `program` with `args` (no shell: each argument is passed as it is). Python:
 * `proc = await asyncio.create_subprocess_exec(program, *args, stdout=PIPE, stderr=PIPE)`.
 * The programs are the simulated world's: `echo ARGS…`, `sleep SECONDS`, `seq N`, `ticker COUNT
 * INTERVAL`, `fail STATUS MESSAGE…` and `stubborn SECONDS` (it ignores SIGTERM); another name
 * throws `FileNotFoundError`, as at home.
 * @example
 * const proc = await asyncio.createSubprocessExec("echo", "hello", { stdout: asyncio.PIPE });
 * const [out] = await proc.communicate();
 * print(out, proc.returncode); // b'hello\n' 0
 */
export async function createSubprocessExec(
  program: string,
  ...rest: (string | SubprocessOptions)[]
): Promise<Process> {
  const last = rest[rest.length - 1];
  const options: SubprocessOptions = typeof last === "object" && last !== null ? last : {};
  const args = typeof last === "object" && last !== null ? rest.slice(0, -1) : rest;
  return await start([program, ...args], options);
}

/**
 * Run `cmd` with the shell: `/bin/sh -c cmd`, so `;`, `&&`, `||`, `|` and `&` work, and every
 * word the string holds is parsed. Python: `proc = await asyncio.create_subprocess_shell(cmd,
 * stdout=PIPE)`. The shell is a small simulated dash (`simulated-shell.ts`): its commands are
 * children of the shell, in its process group, so `proc.terminate()` stops the shell alone;
 * start it with `startNewSession: true` and stop them all with `os.killpg(proc.pid, sig)`.
 * Never put outside text in `cmd` unquoted (quote it as Python's `shlex.quote` does), or use
 * `createSubprocessExec`.
 * @example
 * const proc = await asyncio.createSubprocessShell("echo one && fail 3 oops; exit 4", { stdout: asyncio.PIPE });
 * const [out] = await proc.communicate();
 * print(out, proc.returncode); // b'one\n' 4
 */
export async function createSubprocessShell(
  cmd: string,
  options: SubprocessOptions = {},
): Promise<Process> {
  if (typeof cmd !== "string") throw new ValueError("cmd must be a string");
  return await start(["/bin/sh", "-c", cmd], options);
}

async function start(args: readonly unknown[], options: SubprocessOptions): Promise<Process> {
  const loop = getRunningLoop();
  const protocol = new SubprocessStreamProtocol(options.limit ?? DEFAULT_LIMIT, loop);
  const stdio = {
    stdin: options.stdin ?? null,
    stdout: options.stdout ?? null,
    stderr: options.stderr ?? null,
  };
  const group = { startNewSession: options.startNewSession, processGroup: options.processGroup };
  const transport = await makeSubprocessTransport(loop, protocol, args, stdio, group);
  return new Process(transport, protocol);
}
