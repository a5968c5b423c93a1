import asyncio
from asyncio.subprocess import PIPE


async def main():
    # cat copies its stdin to its stdout: a stand-in for any filter (sort, gzip, jq...).
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    stdout, _ = await proc.communicate(b"first line\nsecond line\n")
    print(f"communicate(input): {stdout!r}, returncode {proc.returncode}")

    # A conversation: write a line, wait for the answer, write the next.
    proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    for word in ("ping", "pong"):
        proc.stdin.write(f"{word}\n".encode())
        await proc.stdin.drain()
        print(f"sent {word}, got back {await proc.stdout.readline()!r}")
    proc.stdin.close()  # the end of its input: cat exits
    await proc.stdin.wait_closed()
    print(f"returncode {await proc.wait()}")


asyncio.run(main())
