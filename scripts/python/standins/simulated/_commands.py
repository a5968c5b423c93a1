"""The commands a simulated child process can run (SERVICES.md, "Subprocesses"). Each is a
generator of actions: ("write", fd, text or bytes), ("sleep", seconds), ("ignore", signum),
("read",) (which sends back what stdin holds, b"" at its end); what it returns is its exit
status. `cat`, `echo`, `sleep`, `seq`, `true` and `false` do what coreutils' do; `ticker`, `fail`
and `stubborn` are the site's own; `sh` (and `/bin/sh`) is `_shell.py`, which also yields
("spawn", args, stdin, stdout) (sent the new child's pid) and ("waitpid", pid) (sent its exit
code). TypeScript: `src/runtime/asyncio/simulated-commands.ts`.
"""

import signal


def _usage(name, problem):
    return ("write", 2, f"{name}: {problem}\nTry '{name} --help' for more information.\n")


def _seconds(text):
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    return value if value >= 0 else None


def echo(args, child):
    yield ("write", 1, " ".join(args) + "\n")


def sleep(args, child):
    if not args:
        yield _usage("sleep", "missing operand")
        return 1
    seconds = _seconds(args[0])
    if seconds is None:
        yield _usage("sleep", f"invalid time interval '{args[0]}'")
        return 1
    yield ("sleep", seconds)


def seq(args, child):
    if len(args) != 1 or not args[0].isdigit():
        yield _usage("seq", "missing operand" if not args else f"invalid floating point argument: '{args[-1]}'")
        return 1
    yield ("write", 1, "".join(f"{i}\n" for i in range(1, int(args[0]) + 1)))


def ticker(args, child):
    """`ticker COUNT INTERVAL`: `tick 1` … `tick COUNT`, one every INTERVAL seconds."""
    count, interval = int(args[0]), float(args[1])
    for i in range(1, count + 1):
        yield ("sleep", interval)
        yield ("write", 1, f"tick {i}\n")


def cat(args, child):
    """`cat`: copies stdin to stdout until stdin's end."""
    while True:
        data = yield ("read",)
        if not data:
            return 0
        yield ("write", 1, data)


def fail(args, child):
    """`fail STATUS MESSAGE…`: MESSAGE on stderr, exit with STATUS."""
    yield ("write", 2, " ".join(args[1:]) + "\n")
    return int(args[0])


def stubborn(args, child):
    """`stubborn SECONDS`: ignores SIGTERM (it says so on stdout), works SECONDS, then exits 0."""
    yield ("ignore", signal.SIGTERM)
    yield ("write", 1, "stubborn: working\n")
    yield ("sleep", float(args[0]))
    yield ("write", 1, "stubborn: done\n")


def true(args, child):
    return 0
    yield


def false(args, child):
    return 1
    yield


def not_found(args, child):
    """A pipeline's command the shell did not find: the forked child says so and exits 127."""
    yield ("write", 2, args[0])
    return 127


def _stubborn_sigterm(child):
    out = child.out[1]
    text = "stubborn: ignoring SIGTERM\n"
    if out is None:
        print(text, end="")
    elif out != "devnull" and not out.read_closed:
        out.write(text.encode(), lambda: None)


COMMANDS = {
    "cat": cat,
    "echo": echo,
    "sleep": sleep,
    "seq": seq,
    "true": true,
    "false": false,
    "ticker": ticker,
    "fail": fail,
    "stubborn": stubborn,
}
HANDLERS = {("stubborn", signal.SIGTERM): _stubborn_sigterm}

from . import _shell  # noqa: E402 - the shell runs these commands

COMMANDS["sh"] = _shell.shell("sh")
COMMANDS["/bin/sh"] = _shell.shell("/bin/sh")
