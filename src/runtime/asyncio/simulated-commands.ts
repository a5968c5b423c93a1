/**
 * The commands a simulated child process can run (scripts/python/standins/SERVICES.md,
 * "Subprocesses"): `cat`, `echo`, `sleep`, `seq`, `true` and `false` do what coreutils' do;
 * `ticker`, `fail` and `stubborn` are the site's own; `sh` (and `/bin/sh`) is
 * `simulated-shell.ts`. Each is a generator of actions and returns its exit status. A port of the
 * recorder's `simulated/_commands.py`.
 */
import { SIGTERM } from "./signals.ts";
import type { Pipe } from "./simulated-pipe.ts";
import { shell } from "./simulated-shell.ts";

/**
 * One step of a child: write to fd 1 or 2, sleep, ignore a signal from now on, read stdin
 * (the generator is sent what stdin holds, empty at its end), or, for a shell, start a command
 * (sent its pid; stdin and stdout "inherit" the shell's, or a pipeline's pipe, or null: empty
 * stdin) and wait for one (sent its exit code, minus the signal's number if one killed it).
 */
export type Action =
  | readonly ["write", 1 | 2, string | Uint8Array]
  | readonly ["read"]
  | readonly ["sleep", number]
  | readonly ["ignore", number]
  | readonly ["spawn", readonly string[], Pipe | null | "inherit", Pipe | "inherit"]
  | readonly ["waitpid", number];

/** What a step is sent: what a read got, a new command's pid, or a waited command's exit code. */
export type Sent = Uint8Array | number | undefined;
/** A running command: yields actions, is sent what they got, returns its exit status. */
export type Run = Generator<Action, number | undefined, Sent>;
export type Command = (args: readonly string[]) => Run;

const usage = (name: string, problem: string): Action => [
  "write",
  2,
  `${name}: ${problem}\nTry '${name} --help' for more information.\n`,
];

function* echo(args: readonly string[]): Run {
  yield ["write", 1, `${args.join(" ")}\n`];
  return 0;
}

function* sleep(args: readonly string[]): Run {
  const [first] = args;
  if (first === undefined) {
    yield usage("sleep", "missing operand");
    return 1;
  }
  const seconds = /^\s*[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(first) ? Number(first) : -1;
  if (seconds < 0) {
    yield usage("sleep", `invalid time interval '${first}'`);
    return 1;
  }
  yield ["sleep", seconds];
  return 0;
}

function* seq(args: readonly string[]): Run {
  const [n] = args;
  if (args.length !== 1 || n === undefined || !/^\d+$/.test(n)) {
    const last = args[args.length - 1];
    yield usage(
      "seq",
      last === undefined ? "missing operand" : `invalid floating point argument: '${last}'`,
    );
    return 1;
  }
  let text = "";
  for (let i = 1; i <= Number(n); i++) text += `${i}\n`;
  yield ["write", 1, text];
  return 0;
}

/** `ticker COUNT INTERVAL`: `tick 1` … `tick COUNT`, one every INTERVAL seconds. */
function* ticker(args: readonly string[]): Run {
  const count = Number.parseInt(args[0] ?? "", 10);
  const interval = Number(args[1]);
  for (let i = 1; i <= count; i++) {
    yield ["sleep", interval];
    yield ["write", 1, `tick ${i}\n`];
  }
  return 0;
}

/** `cat`: copies stdin to stdout until stdin's end. */
function* cat(_args: readonly string[]): Run {
  for (;;) {
    const data = yield ["read"];
    if (!(data instanceof Uint8Array) || data.length === 0) return 0;
    yield ["write", 1, data];
  }
}

/** `fail STATUS MESSAGE…`: MESSAGE on stderr, exit with STATUS. */
function* fail(args: readonly string[]): Run {
  yield ["write", 2, `${args.slice(1).join(" ")}\n`];
  return Number.parseInt(args[0] ?? "", 10);
}

/** `stubborn SECONDS`: ignores SIGTERM (it says so on stdout), works SECONDS, then exits 0. */
function* stubborn(args: readonly string[]): Run {
  yield ["ignore", SIGTERM.value];
  yield ["write", 1, "stubborn: working\n"];
  yield ["sleep", Number(args[0])];
  yield ["write", 1, "stubborn: done\n"];
  return 0;
}

// biome-ignore lint/correctness/useYield: a command that only exits
function* trueCommand(_args: readonly string[]): Run {
  return 0;
}

// biome-ignore lint/correctness/useYield: a command that only exits
function* falseCommand(_args: readonly string[]): Run {
  return 1;
}

/** A pipeline's command the shell did not find: the forked child says so and exits 127. */
export function* notFound(args: readonly string[]): Run {
  yield ["write", 2, args[0] ?? ""];
  return 127;
}

const isCommand = (name: string): boolean => Object.hasOwn(COMMANDS, name);

export const COMMANDS: Readonly<Record<string, Command>> = {
  cat,
  echo,
  sleep,
  seq,
  true: trueCommand,
  false: falseCommand,
  ticker,
  fail,
  stubborn,
  sh: shell("sh", isCommand),
  "/bin/sh": shell("/bin/sh", isCommand),
};

/** What a command says on stdout when it receives a signal it ignores. */
export const IGNORED_SIGNAL_NOTES: Readonly<Record<string, string>> = {
  [`stubborn ${SIGTERM.value}`]: "stubborn: ignoring SIGTERM\n",
};
