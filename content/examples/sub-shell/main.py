import asyncio
import shlex
from asyncio.subprocess import PIPE


async def sh(command):
    # One string, parsed by /bin/sh: its ; && || and | work, and so does any ; you did not mean.
    proc = await asyncio.create_subprocess_shell(command, stdout=PIPE, stderr=PIPE)
    out, err = await proc.communicate()
    print(f"$ {command}")
    for line in out.decode().splitlines():
        print(f"  out: {line}")
    for line in err.decode().splitlines():
        print(f"  err: {line}")
    print(f"  returncode {proc.returncode}")


async def main():
    await sh("sleep 1; echo slept")
    await sh("fail 3 oops && echo never")
    await sh("fail 3 oops || echo recovered")
    await sh("seq 3 | cat")
    await sh("convrt photo.png")  # a typo: the shell says so, and exits 127

    name = "x; echo injected"  # from a form, a file name, a message...
    await sh(f"echo {name}")  # the ; ends echo, and the rest runs
    await sh(f"echo {shlex.quote(name)}")  # quoted: one word, nothing runs


asyncio.run(main())
