/**
 * The simulated `/bin/sh -c SCRIPT` (what `createSubprocessShell` runs): the part of dash,
 * Debian's /bin/sh, that the examples need, with dash's messages and exit statuses
 * (scripts/python/standins/SERVICES.md, "Shell"). A port of the recorder's `simulated/_shell.py`,
 * step for step.
 *
 * The script runs a line at a time, as dash reads it: a line is parsed whole (a syntax error
 * stops the shell with status 2 before anything on that line runs), then run. Understood:
 * simple commands (words, with '…', "…" and backslash quoting and `$?`), `a; b`, `a && b`,
 * `a || b`, `a | b`, `cmd &` (stdin empty, as in a non-interactive shell), and the builtins
 * `echo`, `true`, `false`, `:`, `exit [N]` and `wait`. Every other command is a child process in
 * the shell's process group, holding the shell's pipes: the shell forks it and waits.
 * Anything else (redirections, `$NAME`, subshells, …) is refused with a message and status 2.
 */
import type { Action, Command, Run, Sent } from "./simulated-commands.ts";
import { Pipe } from "./simulated-pipe.ts";

/** The `$?` piece of a word, expanded when the command runs. */
const STATUS = Symbol("$?");
type Word = (string | typeof STATUS)[];
type Operator = "&&" | "||" | ";" | "&" | "|";
type Token = { line: number; token: Word | Operator | "\n" | ShellError };
/** A pipeline's commands, each with the line it is on, which dash names in its messages. */
type Pipeline = { line: number; words: Word[] }[];
type AndOr = { op: "&&" | "||" | null; pipeline: Pipeline }[];

const SIGINT = 2;
const SIGPIPE = 13;
/** strsignal()'s words, which dash prints for a command a signal killed. */
const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  1: "Hangup",
  3: "Quit",
  9: "Killed",
  10: "User defined signal 1",
  12: "User defined signal 2",
  15: "Terminated",
};

/** A line the shell cannot run: the line dash names, and its message. */
class ShellError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

const isWord = (t: Token["token"] | undefined): t is Word => Array.isArray(t);

/** The script's tokens; a quoting error is a ShellError token where it happened. */
function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let word: Word | null = null;
  let line = 1;
  let i = 0;
  const flush = () => {
    if (word !== null) tokens.push({ line, token: word });
    word = null;
  };
  const piece = (text: string | typeof STATUS) => {
    word = [...(word ?? []), text];
  };
  const fail = (message: string) => tokens.push({ line, token: new ShellError(line, message) });
  /** `$?` becomes the status piece; a lone `$` is itself; anything else is refused. */
  const dollar = (): boolean => {
    const following = script.slice(i + 1, i + 2);
    if (following === "?") {
      piece(STATUS);
      i += 2;
      return true;
    }
    if (following === "" || !/[\p{L}\p{N}_{(!#@*$-]/u.test(following)) {
      piece("$");
      i += 1;
      return true;
    }
    fail(`the simulated shell does not support $${following}…`);
    return false;
  };
  while (i < script.length) {
    const c = script[i] as string;
    if (c === " " || c === "\t") {
      flush();
      i += 1;
    } else if (c === "\n") {
      flush();
      tokens.push({ line, token: "\n" });
      line += 1;
      i += 1;
    } else if (c === "#" && word === null) {
      while (i < script.length && script[i] !== "\n") i += 1;
    } else if (script.startsWith("&&", i) || script.startsWith("||", i)) {
      flush();
      tokens.push({ line, token: script.slice(i, i + 2) as Operator });
      i += 2;
    } else if (c === ";" || c === "&" || c === "|") {
      flush();
      tokens.push({ line, token: c });
      i += 1;
    } else if (c === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) {
        fail("Syntax error: Unterminated quoted string");
        return tokens;
      }
      piece(script.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      i += 1;
      piece("");
      for (;;) {
        if (i >= script.length) {
          fail("Syntax error: Unterminated quoted string");
          return tokens;
        }
        const q = script[i] as string;
        if (q === '"') {
          i += 1;
          break;
        }
        const escaped = script.slice(i + 1, i + 2);
        if (q === "\\" && ['"', "\\", "$", "`"].includes(escaped)) {
          piece(escaped);
          i += 2;
        } else if (q === "$") {
          if (!dollar()) return tokens;
        } else {
          piece(q);
          i += 1;
        }
      }
    } else if (c === "\\") {
      piece(script.slice(i + 1, i + 2));
      i += 2;
    } else if (c === "$") {
      if (!dollar()) return tokens;
    } else if ("<>()`{}".includes(c)) {
      flush();
      fail(`the simulated shell does not support '${c}'`);
      return tokens;
    } else {
      piece(c);
      i += 1;
    }
  }
  flush();
  return tokens;
}

/** One logical line's tokens → its and-or lists, each run in the background or not. */
function parseLine(tokens: Token[]): { andOr: AndOr; background: boolean }[] {
  const items: { andOr: AndOr; background: boolean }[] = [];
  let pos = 0;
  const at = (k: number) => tokens[k]?.token;
  const unexpected = (k: number) => {
    const found = tokens[k];
    if (found === undefined)
      return new ShellError(
        tokens[tokens.length - 1]?.line ?? 1,
        "Syntax error: end of file unexpected",
      );
    return new ShellError(found.line, `Syntax error: "${String(found.token)}" unexpected`);
  };
  while (pos < tokens.length) {
    const andOr: AndOr = [];
    let op: "&&" | "||" | null = null;
    for (;;) {
      const pipeline: Pipeline = [];
      for (;;) {
        const line = tokens[pos]?.line ?? 1;
        const words: Word[] = [];
        for (let t = at(pos); isWord(t); t = at(pos)) {
          words.push(t);
          pos += 1;
        }
        if (words.length === 0) throw unexpected(pos);
        pipeline.push({ line, words });
        if (at(pos) !== "|") break;
        pos += 1;
      }
      andOr.push({ op, pipeline });
      const next = at(pos);
      if (next !== "&&" && next !== "||") break;
      op = next;
      pos += 1;
    }
    const background = at(pos) === "&";
    if (at(pos) === ";" || at(pos) === "&") pos += 1;
    items.push({ andOr, background });
  }
  return items;
}

/** The tokens split at newlines; a newline right after `&&`, `||` or `|` continues the line. */
function lines(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.token === "\n") {
      const last = current[current.length - 1]?.token;
      if (last === "&&" || last === "||" || last === "|") continue;
      if (current.length > 0) out.push(current);
      current = [];
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) out.push(current);
  return out;
}

const expand = (word: Word, status: number): string =>
  word.map((p) => (p === STATUS ? String(status) : p)).join("");

/** What a shell step gets back: a pid, or a waited command's exit code. */
function* act(action: Action): Generator<Action, number, Sent> {
  return (yield action) as number;
}

/** A command's exit code as `$?`: 128 + the signal's number when one killed it (dash says so). */
function* status(code: number): Generator<Action, number, Sent> {
  if (code >= 0) return code;
  if (-code !== SIGINT && -code !== SIGPIPE)
    yield ["write", 2, `${SIGNAL_NAMES[-code] ?? `Signal ${-code}`}\n`];
  return 128 - code;
}

type Builtin = (
  here: string,
  args: string[],
  last: number,
  background: number[],
) => Generator<Action, number | { exit: number }, Sent>;

const BUILTINS: Readonly<Record<string, Builtin>> = {
  *echo(_here, args) {
    yield ["write", 1, `${args.join(" ")}\n`];
    return 0;
  },
  // biome-ignore lint/correctness/useYield: a builtin that only sets the status
  *true() {
    return 0;
  },
  // biome-ignore lint/correctness/useYield: a builtin that only sets the status
  *false() {
    return 1;
  },
  // biome-ignore lint/correctness/useYield: a builtin that only sets the status
  *":"() {
    return 0;
  },
  *exit(here, args, last) {
    const [n] = args;
    if (n === undefined) return { exit: last };
    if (!/^\d+$/.test(n)) {
      yield ["write", 2, `${here}: exit: Illegal number: ${n}\n`];
      return { exit: 2 };
    }
    return { exit: Number(n) % 256 };
  },
  *wait(_here, _args, _last, background) {
    for (let pid = background.shift(); pid !== undefined; pid = background.shift())
      yield* act(["waitpid", pid]);
    return 0;
  },
};

/**
 * The `sh` command under the name it was run as (`$0`: `/bin/sh` for `createSubprocessShell`).
 * `isCommand` says which names are programs (the others are "not found").
 */
export function shell(name: string, isCommand: (program: string) => boolean): Command {
  function* pipelineOf(
    pipeline: Pipeline,
    last: number,
    background: number[],
  ): Generator<Action, number | { exit: number }, Sent> {
    const [only] = pipeline;
    if (only !== undefined && pipeline.length === 1) {
      const argv = only.words.map((w) => expand(w, last));
      const program = argv[0] as string;
      const here = `${name}: ${only.line}`;
      const builtin = Object.hasOwn(BUILTINS, program) ? BUILTINS[program] : undefined;
      if (builtin !== undefined) return yield* builtin(here, argv.slice(1), last, background);
      if (!isCommand(program)) {
        yield ["write", 2, `${here}: ${program}: not found\n`];
        return 127;
      }
      const pid = yield* act(["spawn", argv, "inherit", "inherit"]);
      return yield* status(yield* act(["waitpid", pid]));
    }
    const pids: number[] = [];
    let stdin: Pipe | "inherit" = "inherit";
    for (const [k, { line, words }] of pipeline.entries()) {
      let argv = words.map((w) => expand(w, last));
      const pipe = k === pipeline.length - 1 ? null : new Pipe();
      if (!isCommand(argv[0] as string))
        argv = ["(not found)", `${name}: ${line}: ${argv[0] as string}: not found\n`];
      pids.push(yield* act(["spawn", argv, stdin, pipe ?? "inherit"]));
      if (pipe !== null) stdin = pipe;
    }
    let code = 0;
    for (const pid of pids) code = yield* act(["waitpid", pid]);
    return yield* status(code);
  }

  return function* run(args: readonly string[]): Run {
    if (args[0] !== "-c") {
      yield ["write", 2, `${name}: the simulated shell runs only \`${name} -c SCRIPT\`\n`];
      return 2;
    }
    const script = args[1];
    if (script === undefined) {
      yield ["write", 2, `${name}: 0: -c requires an argument\n`];
      return 2;
    }
    let last = 0;
    const background: number[] = [];
    for (const tokens of lines(tokenize(script))) {
      let items: ReturnType<typeof parseLine>;
      try {
        const error = tokens.find((t) => t.token instanceof ShellError)?.token;
        if (error !== undefined) throw error;
        items = parseLine(tokens);
      } catch (e) {
        if (!(e instanceof ShellError)) throw e;
        yield ["write", 2, `${name}: ${e.line}: ${e.message}\n`];
        return 2;
      }
      for (const { andOr, background: inBackground } of items) {
        if (inBackground) {
          const first = andOr[0]?.pipeline;
          const command = first?.[0];
          if (command === undefined) continue;
          const here = `${name}: ${command.line}`;
          if (andOr.length > 1 || (first?.length ?? 0) > 1) {
            yield ["write", 2, `${here}: the simulated shell runs only a simple command with &\n`];
            return 2;
          }
          const argv = command.words.map((w) => expand(w, last));
          if (!isCommand(argv[0] as string)) {
            yield ["write", 2, `${here}: ${argv[0] as string}: not found\n`];
            last = 127;
            continue;
          }
          background.push(yield* act(["spawn", argv, null, "inherit"]));
          last = 0;
          continue;
        }
        for (const { op, pipeline } of andOr) {
          if ((op === "&&" && last !== 0) || (op === "||" && last === 0)) continue;
          const outcome = yield* pipelineOf(pipeline, last, background);
          if (typeof outcome === "object") return outcome.exit;
          last = outcome;
        }
      }
    }
    return last;
  };
}
