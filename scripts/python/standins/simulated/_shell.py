"""The simulated `/bin/sh -c SCRIPT` (what `create_subprocess_shell` runs): the part of dash,
Debian's /bin/sh, that the examples need, with dash's messages and exit statuses (SERVICES.md,
"Shell"). TypeScript: `src/runtime/asyncio/simulated-shell.ts`, the same steps.

The script is run a line at a time, as dash reads it: a line is parsed whole (a syntax error
stops the shell with status 2 before anything on that line runs), then run. Understood:
simple commands (words, with '…', "…" and backslash quoting and `$?`), `a; b`, `a && b`,
`a || b`, `a | b`, `cmd &` (stdin empty, as in a non-interactive shell), and the builtins
`echo`, `true`, `false`, `:`, `exit [N]` and `wait`. Every other command is a child process
in the shell's process group, holding the shell's pipes: the shell forks it and waits.
Anything else (redirections, `$NAME`, subshells, …) is refused with a message and status 2.
"""

from . import _commands

STATUS = object()  # the `$?` piece of a word, expanded when the command runs
SIGNAL_NAMES = {1: "Hangup", 3: "Quit", 9: "Killed", 10: "User defined signal 1", 12: "User defined signal 2", 15: "Terminated"}
SIGINT, SIGPIPE = 2, 13
OPERATORS = ("&&", "||", ";", "&", "|")


class ShellError(Exception):
    """A line the shell cannot run: the line dash names, and its message."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line


def tokenize(script):
    """The script's tokens: (line, word) with word a list of pieces, (line, operator), and
    (line, "\\n"); a quoting error is a ShellError token where it happened."""
    tokens, word, line, i = [], None, 1, 0

    def flush():
        nonlocal word
        if word is not None:
            tokens.append((line, word))
            word = None

    def piece(text):
        nonlocal word
        word = (word or []) + [text]

    while i < len(script):
        c = script[i]
        if c in " \t":
            flush()
            i += 1
        elif c == "\n":
            flush()
            tokens.append((line, "\n"))
            line += 1
            i += 1
        elif c == "#" and word is None:
            while i < len(script) and script[i] != "\n":
                i += 1
        elif script.startswith(("&&", "||"), i):
            flush()
            tokens.append((line, script[i : i + 2]))
            i += 2
        elif c in ";&|":
            flush()
            tokens.append((line, c))
            i += 1
        elif c == "'":
            end = script.find("'", i + 1)
            if end < 0:
                tokens.append((line, ShellError(line, "Syntax error: Unterminated quoted string")))
                return tokens
            piece(script[i + 1 : end])
            i = end + 1
        elif c == '"':
            i += 1
            piece("")
            while True:
                if i >= len(script):
                    tokens.append((line, ShellError(line, "Syntax error: Unterminated quoted string")))
                    return tokens
                c = script[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\" and script[i + 1 : i + 2] in ('"', "\\", "$", "`"):
                    piece(script[i + 1])
                    i += 2
                elif c == "$":
                    i = _dollar(script, i, piece, tokens, line)
                    if i < 0:
                        return tokens
                else:
                    piece(c)
                    i += 1
        elif c == "\\":
            piece(script[i + 1 : i + 2])
            i += 2
        elif c == "$":
            i = _dollar(script, i, piece, tokens, line)
            if i < 0:
                return tokens
        elif c in "<>()`{}":
            flush()
            tokens.append((line, ShellError(line, f"the simulated shell does not support {c!r}")))
            return tokens
        else:
            piece(c)
            i += 1
    flush()
    return tokens


def _dollar(script, i, piece, tokens, line):
    """`$?` becomes the status piece; a lone `$` is itself; anything else is refused."""
    following = script[i + 1 : i + 2]
    if following == "?":
        piece(STATUS)
        return i + 2
    if following == "" or not (following.isalnum() or following in "_{(!#@*$-"):
        piece("$")
        return i + 1
    tokens.append((line, ShellError(line, f"the simulated shell does not support ${following}…")))
    return -1


def parse_line(tokens):
    """One logical line's (line, token) pairs → [(and_or, background)], and_or = [(op,
    pipeline)], pipeline = [(line, words)]: each command with the line it is on, which dash
    names in its messages."""
    items, pos = [], 0

    def at(k):
        return tokens[k][1] if k < len(tokens) else None

    def unexpected(k):
        if k >= len(tokens):
            return ShellError(tokens[-1][0], "Syntax error: end of file unexpected")
        return ShellError(tokens[k][0], f'Syntax error: "{tokens[k][1]}" unexpected')

    while pos < len(tokens):
        and_or, op = [], None
        while True:
            pipeline = []
            while True:
                line, words = tokens[pos][0] if pos < len(tokens) else None, []
                while isinstance(at(pos), list):
                    words.append(at(pos))
                    pos += 1
                if not words:
                    raise unexpected(pos)
                pipeline.append((line, words))
                if at(pos) != "|":
                    break
                pos += 1
            and_or.append((op, pipeline))
            if at(pos) not in ("&&", "||"):
                break
            op = at(pos)
            pos += 1
        background = at(pos) == "&"
        if at(pos) in (";", "&"):
            pos += 1
        items.append((and_or, background))
    return items


def _lines(tokens):
    """The (line, token) pairs split at newlines; a newline right after `&&`, `||` or `|`
    continues the logical line."""
    lines, current = [], []
    for line, token in tokens:
        if token == "\n":
            if current and current[-1][1] in ("&&", "||", "|"):
                continue
            if current:
                lines.append(current)
            current = []
            continue
        current.append((line, token))
    if current:
        lines.append(current)
    return lines


def _expand(word, status):
    return "".join(str(status) if p is STATUS else p for p in word)


def shell(name):
    """The `sh` command under the name it was run as ($0: `/bin/sh` for shell=True)."""

    def run(args, child):
        if not args or args[0] != "-c":
            yield ("write", 2, f"{name}: the simulated shell runs only `{name} -c SCRIPT`\n")
            return 2
        if len(args) < 2:
            yield ("write", 2, f"{name}: 0: -c requires an argument\n")
            return 2
        status, background = 0, []
        for tokens in _lines(tokenize(args[1])):
            try:
                errors = [t for _, t in tokens if isinstance(t, ShellError)]
                if errors:
                    raise errors[0]
                items = parse_line(tokens)
            except ShellError as e:
                yield ("write", 2, f"{name}: {e.line}: {e}\n")
                return 2
            for and_or, in_background in items:
                if in_background:
                    if len(and_or) > 1 or len(and_or[0][1]) > 1:
                        here = and_or[0][1][0][0]
                        yield ("write", 2, f"{name}: {here}: the simulated shell runs only a simple command with &\n")
                        return 2
                    number, words = and_or[0][1][0]
                    argv = [_expand(w, status) for w in words]
                    if argv[0] not in _commands.COMMANDS:
                        yield ("write", 2, f"{name}: {number}: {argv[0]}: not found\n")
                        status = 127
                        continue
                    background.append((yield ("spawn", argv, None, "inherit")))
                    status = 0
                    continue
                for op, pipeline in and_or:
                    if (op == "&&" and status != 0) or (op == "||" and status == 0):
                        continue
                    outcome = yield from _pipeline(name, pipeline, status, background)
                    if isinstance(outcome, tuple):  # exit N
                        return outcome[0]
                    status = outcome
        return status

    return run


def _pipeline(name, pipeline, status, background):
    """Runs one pipeline; its status, or (code,) when `exit` ends the shell."""
    if len(pipeline) == 1:
        number, words = pipeline[0]
        argv = [_expand(w, status) for w in words]
        builtin = BUILTINS.get(argv[0])
        if builtin is not None:
            return (yield from builtin(f"{name}: {number}", argv[1:], status, background))
        if argv[0] not in _commands.COMMANDS:
            yield ("write", 2, f"{name}: {number}: {argv[0]}: not found\n")
            return 127
        pid = yield ("spawn", argv, "inherit", "inherit")
        return (yield from _reap(pid))
    from ._pipes import Pipe

    pids, stdin = [], "inherit"
    for k, (number, words) in enumerate(pipeline):
        argv = [_expand(w, status) for w in words]
        last = k == len(pipeline) - 1
        pipe = None if last else Pipe()
        if argv[0] not in _commands.COMMANDS:
            argv = ["(not found)", f"{name}: {number}: {argv[0]}: not found\n"]
        pids.append((yield ("spawn", argv, stdin, "inherit" if last else pipe)))
        stdin = pipe
    codes = []
    for pid in pids:
        codes.append((yield ("waitpid", pid)))
    return (yield from _status(codes[-1]))


def _reap(pid):
    code = yield ("waitpid", pid)
    return (yield from _status(code))


def _status(code):
    """A command's exit code as `$?`: 128 + the signal's number when one killed it, which dash
    also reports on stderr (not for SIGINT or SIGPIPE)."""
    if code >= 0:
        return code
    if -code not in (SIGINT, SIGPIPE):
        yield ("write", 2, SIGNAL_NAMES.get(-code, f"Signal {-code}") + "\n")
    return 128 - code


def _echo(here, args, status, background):
    yield ("write", 1, " ".join(args) + "\n")
    return 0


def _true(here, args, status, background):
    return 0
    yield


def _false(here, args, status, background):
    return 1
    yield


def _exit(here, args, status, background):
    if not args:
        return (status,)
    if not args[0].isdigit():
        yield ("write", 2, f"{here}: exit: Illegal number: {args[0]}\n")
        return (2,)
    return (int(args[0]) % 256,)


def _wait(here, args, status, background):
    while background:
        yield ("waitpid", background.pop(0))
    return 0


BUILTINS = {"echo": _echo, "true": _true, "false": _false, ":": _true, "exit": _exit, "wait": _wait}
