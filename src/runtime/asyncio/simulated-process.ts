/**
 * Simulated child processes: a child is a command's generator of actions (write to a pipe,
 * sleep, exit) driven by loop timers, its pipes hold 64 KiB as Linux's do, and signals end it
 * unless it ignores them. A port of the recorder's `simulated/_processes.py`, step for step
 * (scripts/python/standins/SERVICES.md, "Subprocesses"): a real process would take real time,
 * and its output would arrive whenever the machine let it.
 */
import { encode } from "./bytes.ts";
import { ValueError } from "./errors.ts";
import type { Future } from "./future.ts";
import type { TimerHandle } from "./handle.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { print } from "./print.ts";
import { FileNotFoundError } from "./process-errors.ts";
import { SIGKILL, SIGTERM, type Signals } from "./signals.ts";
import { type Action, COMMANDS, IGNORED_SIGNAL_NOTES } from "./simulated-commands.ts";
import type { ReadPipeProtocol, ReadPipeTransport } from "./subprocess-pipes.ts";

/** Linux's default pipe buffer. */
export const PIPE_CAPACITY = 64 * 1024;
const FIRST_PID = 4001;
/** Linux's number: writing to a pipe nobody reads kills the writer with it. */
const SIGPIPE = 13;
const nextPids = new WeakMap<AbstractEventLoop, number>();

/** Python's `subprocess.PIPE`, `STDOUT` and `DEVNULL`. */
export const PIPE = -1;
export const STDOUT = -2;
export const DEVNULL = -3;

/** A pipe from the child (writer) to the parent (reader). */
export class Pipe {
  data = new Uint8Array(0);
  writeClosed = false;
  readClosed = false;
  reader: SimulatedReadPipeTransport | null = null;
  #blocked: { rest: Uint8Array; resume: () => void } | null = null;

  readable(): boolean {
    return this.data.length > 0 || this.writeClosed;
  }

  /** Writes what fits; true when all of it fit, else `resume()` is called once it has. */
  write(data: Uint8Array, resume: () => void): boolean {
    const room = PIPE_CAPACITY - this.data.length;
    const taken = data.subarray(0, Math.max(0, room));
    const grown = new Uint8Array(this.data.length + taken.length);
    grown.set(this.data);
    grown.set(taken, this.data.length);
    this.data = grown;
    this.reader?._poll();
    if (data.length <= room) return true;
    this.#blocked = { rest: data.subarray(room), resume };
    return false;
  }

  read(n: number): Uint8Array {
    const chunk = this.data.slice(0, n);
    this.data = this.data.slice(n);
    const blocked = this.#blocked;
    if (chunk.length > 0 && blocked !== null) {
      this.#blocked = null;
      if (this.write(blocked.rest, blocked.resume)) blocked.resume();
    }
    return chunk;
  }

  closeWrite(): void {
    this.#blocked = null;
    this.writeClosed = true;
    this.reader?._poll();
  }

  /** The parent's end. */
  close(): void {
    this.readClosed = true;
  }
}

/** Where a child's fd 1 or 2 goes: a pipe, the terminal (`null`), nowhere, or its stdout. */
type Sink = Pipe | null | "devnull" | "stdout";

/** The simulated process: runs its command, delivers signals, exits. */
export class Child {
  returncode: number | null = null;
  readonly #loop: AbstractEventLoop;
  readonly #name: string;
  readonly #out: { 1: Sink; 2: Sink };
  readonly #onExit: (code: number) => void;
  readonly #program: Generator<Action, number | undefined>;
  readonly #ignoring = new Set<number>();
  #timer: TimerHandle | null = null;

  constructor(
    loop: AbstractEventLoop,
    args: readonly string[],
    stdout: Sink,
    stderr: Sink,
    onExit: (code: number) => void,
  ) {
    this.#loop = loop;
    this.#name = args[0] ?? "";
    this.#out = { 1: stdout, 2: stderr === "stdout" ? stdout : stderr };
    this.#onExit = onExit;
    const command = COMMANDS[this.#name];
    if (command === undefined) throw new Error(`unknown command ${this.#name}`);
    this.#program = command(args.slice(1));
  }

  /** A real child takes a moment to start: it runs once the parent holds its Process. */
  start(): void {
    this.#loop.callSoon(() => this.#step());
  }

  #step(): void {
    this.#timer = null;
    if (this.returncode !== null) return;
    const next = this.#program.next();
    if (next.done) {
      this.#exit(next.value ?? 0);
      return;
    }
    const action = next.value;
    if (action[0] === "sleep") this.#timer = this.#loop.callLater(action[1], () => this.#step());
    else if (action[0] === "write") this.#write(action[1], action[2]);
    else {
      this.#ignoring.add(action[1]);
      this.#loop.callSoon(() => this.#step());
    }
  }

  #write(fd: 1 | 2, text: string): void {
    const target = this.#out[fd];
    if (!(target instanceof Pipe)) {
      // Not a pipe: the parent's terminal. Stdout lands in the transcript (no task prints it).
      if (target === null && fd === 1) print(text, { end: "" });
      this.#loop.callSoon(() => this.#step());
      return;
    }
    if (target.readClosed) {
      this.#die(SIGPIPE);
      return;
    }
    const resume = () => this.#loop.callSoon(() => this.#step());
    if (target.write(encode(text), resume)) this.#loop.callSoon(() => this.#step());
  }

  signal(signum: number): void {
    if (this.returncode !== null) return;
    if (this.#ignoring.has(signum)) {
      const note = IGNORED_SIGNAL_NOTES[`${this.#name} ${signum}`];
      const out = this.#out[1];
      if (note !== undefined && out === null) print(note, { end: "" });
      else if (note !== undefined && out instanceof Pipe && !out.readClosed)
        out.write(encode(note), () => {});
      return;
    }
    this.#die(signum);
  }

  #die(signum: number): void {
    this.#timer?.cancel();
    this.#timer = null;
    this.#program.return(undefined);
    this.#exit(-signum);
  }

  #exit(code: number): void {
    this.returncode = code;
    // stdout's end first, as the recorder does.
    for (const pipe of new Set([this.#out[1], this.#out[2]]))
      if (pipe instanceof Pipe) pipe.closeWrite();
    // The child watcher hears of it, then hands it to the loop (call_soon_threadsafe + call_soon).
    this.#loop.callSoon(() => this.#loop.callSoon(this.#onExit, code));
  }
}

/** What the subprocess transport keeps as its process: Python's `subprocess.Popen`. */
export class SimulatedPopen {
  readonly pid: number;
  readonly args: readonly string[];
  returncode: number | null = null;
  readonly stdout: Pipe | null;
  readonly stderr: Pipe | null;
  readonly child: Child;

  constructor(
    loop: AbstractEventLoop,
    args: readonly unknown[],
    stdio: { stdin: number | null; stdout: number | null; stderr: number | null },
    onExit: (code: number) => void,
  ) {
    for (const arg of args) {
      if (typeof arg !== "string")
        throw new TypeError(`expected str, bytes or os.PathLike object, not ${pyTypeOf(arg)}`);
    }
    const names = args as readonly string[];
    const program = names[0] ?? "";
    if (COMMANDS[program] === undefined)
      throw new FileNotFoundError(2, "No such file or directory", program);
    if (stdio.stdin === PIPE)
      throw new ValueError("the simulated commands read no input: leave stdin out");
    this.args = names;
    this.stdout = stdio.stdout === PIPE ? new Pipe() : null;
    this.stderr = stdio.stderr === PIPE ? new Pipe() : null;
    const elsewhere = (where: number | null): Sink => (where === DEVNULL ? "devnull" : null);
    const stdoutEnd: Sink = this.stdout ?? elsewhere(stdio.stdout);
    const stderrEnd: Sink =
      stdio.stderr === STDOUT ? "stdout" : (this.stderr ?? elsewhere(stdio.stderr));
    this.pid = nextPids.get(loop) ?? FIRST_PID;
    nextPids.set(loop, this.pid + 1);
    this.child = new Child(loop, names, stdoutEnd, stderrEnd, onExit);
  }

  poll(): number | null {
    return this.returncode;
  }

  sendSignal(sig: Signals | number): void {
    if (this.returncode === null) this.child.signal(typeof sig === "number" ? sig : sig.value);
  }

  terminate(): void {
    this.sendSignal(SIGTERM);
  }

  kill(): void {
    this.sendSignal(SIGKILL);
  }
}

function pyTypeOf(x: unknown): string {
  if (x === null || x === undefined) return "NoneType";
  if (typeof x === "number") return Number.isInteger(x) ? "int" : "float";
  if (typeof x === "boolean") return "bool";
  return typeof x === "object" ? ((x as object).constructor?.name ?? "object") : typeof x;
}

/** The parent's end of a child's stdout or stderr: Python's `_UnixReadPipeTransport`. */
export class SimulatedReadPipeTransport implements ReadPipeTransport {
  static readonly maxSize = 256 * 1024;
  #loop: AbstractEventLoop | null;
  #pipe: Pipe | null;
  #protocol: ReadPipeProtocol | null;
  #closing = false;
  #paused = false;
  #registered = false;
  #scheduled = false;

  constructor(
    loop: AbstractEventLoop,
    pipe: Pipe,
    protocol: ReadPipeProtocol,
    waiter: Future<unknown>,
  ) {
    this.#loop = loop;
    this.#pipe = pipe;
    this.#protocol = protocol;
    pipe.reader = this;
    loop.callSoon(() => protocol.connectionMade(this));
    loop.callSoon(() => this.#addReader());
    loop.callSoon(() => {
      if (!waiter.cancelled()) waiter.setResult(undefined);
    });
  }

  #addReader(): void {
    this.#registered = true;
    this._poll();
  }

  /** The pipe may be readable: the selector would say so on the loop's next pass. */
  _poll(): void {
    if (this.#registered && !this.#scheduled && this.#pipe?.readable()) {
      this.#scheduled = true;
      this.#loop?.callSoon(() => this.#readReady());
    }
  }

  #readReady(): void {
    this.#scheduled = false;
    const pipe = this.#pipe;
    const protocol = this.#protocol;
    const loop = this.#loop;
    if (!this.#registered || pipe === null || protocol === null || loop === null) return;
    const data = pipe.read(SimulatedReadPipeTransport.maxSize);
    if (data.length > 0) {
      protocol.dataReceived(data);
      this._poll();
    } else {
      this.#closing = true;
      this.#registered = false;
      loop.callSoon(() => protocol.eofReceived());
      loop.callSoon(() => this.#callConnectionLost(null));
    }
  }

  pauseReading(): void {
    if (this.#closing || this.#paused) return;
    this.#paused = true;
    this.#registered = false;
  }

  resumeReading(): void {
    if (this.#closing || !this.#paused) return;
    this.#paused = false;
    this.#addReader();
  }

  isClosing(): boolean {
    return this.#closing;
  }

  close(): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#registered = false;
    this.#loop?.callSoon(() => this.#callConnectionLost(null));
  }

  #callConnectionLost(exc: Error | null): void {
    try {
      this.#protocol?.connectionLost(exc);
    } finally {
      this.#pipe?.close();
      this.#pipe = null;
      this.#protocol = null;
      this.#loop = null;
    }
  }
}
