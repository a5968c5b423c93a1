/**
 * Simulated child processes: a child is a command's generator of actions (read stdin, write to
 * a pipe, sleep, start a command and wait for it, exit) driven by loop timers, its pipes hold
 * 64 KiB as Linux's do (`simulated-pipe.ts`), and signals end it unless it ignores them. A shell
 * (`simulated-shell.ts`) is such a child whose commands are children of its own, in its process
 * group, holding its pipes: killing the shell alone leaves them running, as at home. A port of
 * the recorder's `simulated/_processes.py`, step for step (scripts/python/standins/SERVICES.md,
 * "Subprocesses"): a real process would take real time, and its output would arrive whenever
 * the machine let it.
 */
import { encode } from "./bytes.ts";
import type { TimerHandle } from "./handle.ts";
import type { AbstractEventLoop } from "./loop-api.ts";
import { print } from "./print.ts";
import { FileNotFoundError, PermissionError } from "./process-errors.ts";
import { SIGKILL, SIGTERM, type Signals } from "./signals.ts";
import {
  COMMANDS,
  IGNORED_SIGNAL_NOTES,
  notFound,
  type Run,
  type Sent,
} from "./simulated-commands.ts";
import { PIPE_CAPACITY, Pipe } from "./simulated-pipe.ts";
import type { World } from "./simulated-world.ts";
import { worldOf } from "./simulated-world.ts";

/** Linux's number: writing to a pipe nobody reads kills the writer with it. */
const SIGPIPE = 13;

/** Python's `subprocess.PIPE`, `STDOUT` and `DEVNULL`. */
export const PIPE = -1;
export const STDOUT = -2;
export const DEVNULL = -3;

/** Where a child's fd 1 or 2 goes: a pipe, the terminal (`null`), nowhere, or its stdout. */
type Sink = Pipe | null | "devnull" | "stdout";

/**
 * The simulated process: runs its command, delivers signals, exits. `pgid` is its process
 * group, null for its parent's (the program's).
 */
export class Child {
  returncode: number | null = null;
  readonly pid: number;
  readonly pgid: number | null;
  readonly #loop: AbstractEventLoop;
  readonly #world: World;
  readonly #stdin: Pipe | null;
  readonly #name: string;
  readonly #out: { 1: Sink; 2: Sink };
  readonly #onExit: (code: number) => void;
  readonly #program: Run;
  readonly #ignoring = new Set<number>();
  #timer: TimerHandle | null = null;
  /** A shell's commands: pid → exit code, null while they run. */
  readonly #commands = new Map<number, number | null>();
  #waitingFor: number | null = null;

  constructor(
    loop: AbstractEventLoop,
    args: readonly string[],
    stdin: Pipe | null,
    stdout: Sink,
    stderr: Sink,
    onExit: (code: number) => void,
    group: { pgid: number | null } | "new" = { pgid: null },
  ) {
    this.#loop = loop;
    this.#world = worldOf(loop);
    this.#stdin = stdin;
    this.#name = args[0] ?? "";
    this.#out = { 1: stdout, 2: stderr === "stdout" ? stdout : stderr };
    this.#onExit = onExit;
    this.pid = this.#world.newPid();
    this.pgid = group === "new" ? this.pid : group.pgid;
    this.#world.running.set(this.pid, this);
    if (stdin !== null) stdin.childReaders += 1;
    for (const pipe of this.#pipesWritten()) pipe.childWriters += 1;
    const command = Object.hasOwn(COMMANDS, this.#name) ? COMMANDS[this.#name] : undefined;
    this.#program = (command ?? notFound)(args.slice(1));
  }

  #pipesWritten(): Pipe[] {
    return [...new Set([this.#out[1], this.#out[2]])].filter((p) => p instanceof Pipe);
  }

  /** A real child takes a moment to start: it runs once the parent holds its Process. */
  start(): void {
    this.#loop.callSoon(() => this.#step());
  }

  #step(value?: Sent): void {
    this.#timer = null;
    if (this.returncode !== null) return;
    const next = this.#program.next(value);
    if (next.done) {
      this.#exit(next.value ?? 0);
      return;
    }
    const action = next.value;
    if (action[0] === "sleep") this.#timer = this.#loop.callLater(action[1], () => this.#step());
    else if (action[0] === "write") this.#write(action[1], action[2]);
    else if (action[0] === "read") this.#read();
    else if (action[0] === "spawn") this.#spawn(action[1], action[2], action[3]);
    else if (action[0] === "waitpid") this.#waitpid(action[1]);
    else {
      this.#ignoring.add(action[1]);
      this.#loop.callSoon(() => this.#step());
    }
  }

  /**
   * A shell starts a command (fork and exec): a child in its group, holding its pipes (or those
   * given: a pipeline's, null for a background command's stdin); the shell is sent its pid.
   */
  #spawn(args: readonly string[], stdin: Pipe | null | "inherit", stdout: Pipe | "inherit"): void {
    const child: Child = new Child(
      this.#loop,
      args,
      stdin === "inherit" ? this.#stdin : stdin,
      stdout === "inherit" ? this.#out[1] : stdout,
      this.#out[2],
      (code) => this.#commandExited(child.pid, code),
      { pgid: this.pgid },
    );
    this.#commands.set(child.pid, null);
    child.start();
    this.#loop.callSoon(() => this.#step(child.pid));
  }

  /** The shell is sent the command's exit code (minus the signal's number) once it has exited. */
  #waitpid(pid: number): void {
    const code = this.#commands.get(pid);
    if (code !== undefined && code !== null) this.#loop.callSoon(() => this.#step(code));
    else this.#waitingFor = pid;
  }

  #commandExited(pid: number, code: number): void {
    this.#commands.set(pid, code);
    if (this.#waitingFor === pid) {
      this.#waitingFor = null;
      this.#step(code);
    }
  }

  /** Everything in stdin's pipe, or empty bytes at its end (stdin not piped reads as empty). */
  #read(): void {
    const pipe = this.#stdin;
    if (pipe === null || pipe.data.length > 0 || pipe.writeClosed) {
      const data = pipe !== null ? pipe.read(PIPE_CAPACITY) : new Uint8Array(0);
      this.#loop.callSoon(() => this.#step(data));
      return;
    }
    // Woken by the parent's write, the child reads on a later pass, not inside it.
    pipe.onData = () => this.#loop.callSoon(() => this.#read());
  }

  #write(fd: 1 | 2, text: string | Uint8Array): void {
    const target = this.#out[fd];
    const data = typeof text === "string" ? encode(text) : text;
    if (!(target instanceof Pipe)) {
      // Not a pipe: the parent's terminal. Stdout lands in the transcript (no task prints it).
      if (target === null && fd === 1) print(new TextDecoder().decode(data), { end: "" });
      this.#loop.callSoon(() => this.#step());
      return;
    }
    if (target.readClosed) {
      this.#die(SIGPIPE);
      return;
    }
    const resume = () => this.#loop.callSoon(() => this.#step());
    if (target.write(data, resume)) this.#loop.callSoon(() => this.#step());
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
    this.#world.running.delete(this.pid);
    this.#stdin?.dropChildReader();
    // stdout's end first, as the recorder does.
    for (const pipe of this.#pipesWritten()) pipe.dropChildWriter();
    // The child watcher hears of it, then hands it to the loop (call_soon_threadsafe + call_soon).
    this.#loop.callSoon(() => this.#loop.callSoon(this.#onExit, code));
  }
}

/** Where a new child goes: Popen's `start_new_session` and `process_group` (3.11+). */
export interface ProcessGroupOptions {
  /** Python: `start_new_session=True`: the child leads a new session and process group. */
  startNewSession?: boolean | undefined;
  /** Python: `process_group=0`: a new group led by the child; another number: join that group. */
  processGroup?: number | null | undefined;
}

/** What the subprocess transport keeps as its process: Python's `subprocess.Popen`. */
export class SimulatedPopen {
  readonly pid: number;
  readonly args: readonly string[];
  returncode: number | null = null;
  readonly stdin: Pipe | null;
  readonly stdout: Pipe | null;
  readonly stderr: Pipe | null;
  readonly child: Child;

  constructor(
    loop: AbstractEventLoop,
    args: readonly unknown[],
    stdio: { stdin: number | null; stdout: number | null; stderr: number | null },
    onExit: (code: number) => void,
    group: ProcessGroupOptions = {},
  ) {
    for (const arg of args) {
      if (typeof arg !== "string")
        throw new TypeError(`expected str, bytes or os.PathLike object, not ${pyTypeOf(arg)}`);
    }
    const names = args as readonly string[];
    const program = names[0] ?? "";
    // The child's setsid() or setpgid() comes before its exec.
    const newGroup = group.startNewSession === true || group.processGroup === 0;
    const joins = newGroup ? null : (group.processGroup ?? null);
    if (joins !== null && worldOf(loop).group(joins).length === 0)
      throw new PermissionError(1, "Operation not permitted");
    if (!Object.hasOwn(COMMANDS, program))
      throw new FileNotFoundError(2, "No such file or directory", program);
    this.args = names;
    this.stdin = stdio.stdin === PIPE ? new Pipe() : null;
    this.stdout = stdio.stdout === PIPE ? new Pipe() : null;
    this.stderr = stdio.stderr === PIPE ? new Pipe() : null;
    const elsewhere = (where: number | null): Sink => (where === DEVNULL ? "devnull" : null);
    const stdoutEnd: Sink = this.stdout ?? elsewhere(stdio.stdout);
    const stderrEnd: Sink =
      stdio.stderr === STDOUT ? "stdout" : (this.stderr ?? elsewhere(stdio.stderr));
    const where = newGroup ? "new" : { pgid: joins };
    this.child = new Child(loop, names, this.stdin, stdoutEnd, stderrEnd, onExit, where);
    this.pid = this.child.pid;
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
