import asyncio
from asyncio.subprocess import PIPE


async def main():
    # No shell: the program and each argument are passed as they are.
    proc = await asyncio.create_subprocess_exec("echo", "hi", "there", stdout=PIPE)
    print(f"started pid {proc.pid}, returncode {proc.returncode}")
    stdout, stderr = await proc.communicate()  # read to the end, wait for the exit
    print(f"stdout {stdout!r}, stderr {stderr!r}")
    print(f"returncode {proc.returncode}")

    proc = await asyncio.create_subprocess_exec("sleep", "1")
    print("sleep 1 started; the loop is free meanwhile")
    print(f"sleep exited with {await proc.wait()}")


asyncio.run(main())
