/**
 * Child processes on the simulated commands: creating, reading as the output streams,
 * communicate(), wait() and its full-pipe deadlock, signals (terminate, kill, one ignored),
 * errors, and output that is not piped, each checked against CPython running the same program
 * on the recorder's simulated processes.
 */
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import { sameAsPython } from "./sameAsPython.ts";

const { print } = asyncio;
const { PIPE, STDOUT, DEVNULL } = asyncio.subprocess;

test("echo: pid and returncode before and after communicate()", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_exec("echo", "hello", "world", stdout=PIPE)
        print(proc.pid, proc.returncode, proc.stdin, proc.stderr)
        out, err = await proc.communicate()
        print(out, err, proc.returncode)
        print(*await proc.communicate(), await proc.wait())
        proc = await asyncio.create_subprocess_exec("echo", "second")
        print(proc.pid, await proc.wait())
    asyncio.run(main())
    `,
    async () => {
      const proc = await asyncio.createSubprocessExec("echo", "hello", "world", { stdout: PIPE });
      print(proc.pid, proc.returncode, proc.stdin, proc.stderr);
      const [out, err] = await proc.communicate();
      print(out, err, proc.returncode);
      print(...(await proc.communicate()), await proc.wait());
      const second = await asyncio.createSubprocessExec("echo", "second");
      print(second.pid, await second.wait());
    },
  );
});

test("ticker: lines as they stream, then wait()", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_exec("ticker", "3", "0.5", stdout=PIPE)
        async for line in proc.stdout:
            print(line, proc.returncode)
        print(proc.returncode, await proc.wait(), proc.returncode)
        proc = await asyncio.create_subprocess_exec("ticker", "2", "0.25", stdout=PIPE)
        print(await proc.stdout.readline())
        print(await proc.stdout.read())
        print(await proc.wait())
    asyncio.run(main())
    `,
    async () => {
      const proc = await asyncio.createSubprocessExec("ticker", "3", "0.5", { stdout: PIPE });
      for await (const line of proc.stdout!) print(line, proc.returncode);
      print(proc.returncode, await proc.wait(), proc.returncode);
      const p2 = await asyncio.createSubprocessExec("ticker", "2", "0.25", { stdout: PIPE });
      print(await p2.stdout!.readline());
      print(await p2.stdout!.read());
      print(await p2.wait());
    },
  );
});

test("fail, stderr=STDOUT, DEVNULL, coreutils' usage errors, an unknown program", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE, STDOUT, DEVNULL
    async def main():
        proc = await asyncio.create_subprocess_exec("fail", "3", "boom", "bad", stdout=PIPE, stderr=PIPE)
        print(*await proc.communicate(), proc.returncode)
        proc = await asyncio.create_subprocess_exec("fail", "2", "merged", stdout=PIPE, stderr=STDOUT)
        print(*await proc.communicate(), proc.returncode)
        proc = await asyncio.create_subprocess_exec("echo", "gone", stdout=DEVNULL)
        print(*await proc.communicate(), proc.returncode)
        for args in (["sleep"], ["sleep", "x"], ["seq", "a"]):
            proc = await asyncio.create_subprocess_exec(*args, stderr=PIPE)
            print(*await proc.communicate(), proc.returncode)
        try:
            await asyncio.create_subprocess_exec("nope", "1")
        except FileNotFoundError as e:
            print(type(e).__name__, e, e.errno, e.filename)
        try:
            await asyncio.create_subprocess_exec("sleep", 1)
        except TypeError as e:
            print(type(e).__name__, e)
    asyncio.run(main())
    `,
    async () => {
      let proc = await asyncio.createSubprocessExec("fail", "3", "boom", "bad", {
        stdout: PIPE,
        stderr: PIPE,
      });
      print(...(await proc.communicate()), proc.returncode);
      proc = await asyncio.createSubprocessExec("fail", "2", "merged", {
        stdout: PIPE,
        stderr: STDOUT,
      });
      print(...(await proc.communicate()), proc.returncode);
      proc = await asyncio.createSubprocessExec("echo", "gone", { stdout: DEVNULL });
      print(...(await proc.communicate()), proc.returncode);
      for (const args of [["sleep"], ["sleep", "x"], ["seq", "a"]] as const) {
        const [program, ...rest] = args;
        proc = await asyncio.createSubprocessExec(program, ...rest, { stderr: PIPE });
        print(...(await proc.communicate()), proc.returncode);
      }
      try {
        await asyncio.createSubprocessExec("nope", "1");
      } catch (e) {
        if (!(e instanceof asyncio.FileNotFoundError)) throw e;
        print(e.name, e.message, e.errno, e.filename);
      }
      try {
        await asyncio.createSubprocessExec("sleep", 1 as unknown as string);
      } catch (e) {
        if (!(e instanceof TypeError)) throw e;
        print(e.name, e.message);
      }
    },
  );
});

test("terminate, an ignored SIGTERM, kill, and ProcessLookupError after reaping", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, signal
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_exec("sleep", "10")
        await asyncio.sleep(1)
        proc.terminate()
        print(await proc.wait())
        proc = await asyncio.create_subprocess_exec("stubborn", "5", stdout=PIPE)
        print(await proc.stdout.readline())
        await asyncio.sleep(1)
        proc.terminate()
        print(await proc.stdout.readline(), proc.returncode)
        proc.send_signal(signal.SIGINT)
        print(await proc.wait())
        try:
            proc.kill()
        except ProcessLookupError as e:
            print(type(e).__name__, repr(str(e)))
        proc = await asyncio.create_subprocess_exec("stubborn", "0.5")
        await asyncio.sleep(0.1)
        proc.terminate()
        proc.kill()
        print(await proc.wait())
    asyncio.run(main())
    `,
    async () => {
      let proc = await asyncio.createSubprocessExec("sleep", "10");
      await asyncio.sleep(1);
      proc.terminate();
      print(await proc.wait());
      proc = await asyncio.createSubprocessExec("stubborn", "5", { stdout: PIPE });
      print(await proc.stdout!.readline());
      await asyncio.sleep(1);
      proc.terminate();
      print(await proc.stdout!.readline(), proc.returncode);
      proc.sendSignal(asyncio.signal.SIGINT);
      print(await proc.wait());
      try {
        proc.kill();
      } catch (e) {
        if (!(e instanceof asyncio.ProcessLookupError)) throw e;
        print(e.name, `'${e.message}'`);
      }
      proc = await asyncio.createSubprocessExec("stubborn", "0.5");
      await asyncio.sleep(0.1);
      proc.terminate();
      proc.kill();
      print(await proc.wait());
    },
  );
});

test("wait() with a full pipe never returns; communicate() reads it all", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_exec("seq", "100000", stdout=PIPE)
        try:
            async with asyncio.timeout(1):
                await proc.wait()
        except TimeoutError:
            print("wait() timed out", proc.returncode)
        out, _ = await proc.communicate()
        print(len(out), out[-7:], proc.returncode)
        proc = await asyncio.create_subprocess_exec("seq", "20000", stdout=PIPE)
        print(await proc.wait())
    asyncio.run(main())
    `,
    async () => {
      let proc = await asyncio.createSubprocessExec("seq", "100000", { stdout: PIPE });
      try {
        await asyncio.timeout(1, () => proc.wait());
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        print("wait() timed out", proc.returncode);
      }
      const [out] = await proc.communicate();
      print(out!.length, out!.slice(-7), proc.returncode);
      proc = await asyncio.createSubprocessExec("seq", "20000", { stdout: PIPE });
      print(await proc.wait());
    },
  );
});

test("communicate() under a timeout: kill, then reap", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_exec("ticker", "5", "1", stdout=PIPE)
        try:
            async with asyncio.timeout(2.5):
                await proc.communicate()
        except TimeoutError:
            proc.kill()
            print("killed", await proc.wait())
        print(await proc.stdout.read())
    asyncio.run(main())
    `,
    async () => {
      const proc = await asyncio.createSubprocessExec("ticker", "5", "1", { stdout: PIPE });
      try {
        await asyncio.timeout(2.5, () => proc.communicate());
      } catch (e) {
        if (!(e instanceof asyncio.TimeoutError)) throw e;
        proc.kill();
        print("killed", await proc.wait());
      }
      print(await proc.stdout!.read());
    },
  );
});

test("stdin: communicate(input), writing and draining by hand, a child's stdin closed under it", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
        print(proc.stdin is not None, proc.stdin.can_write_eof())
        print(*await proc.communicate(b"hello\\nworld\\n"), proc.returncode)
        proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
        proc.stdin.write(b"line 1\\n")
        await proc.stdin.drain()
        print(await proc.stdout.readline())
        proc.stdin.write(b"line 2\\n")
        print(await proc.stdout.readline())
        proc.stdin.close()
        print(proc.stdin.is_closing())
        await proc.stdin.wait_closed()
        print(await proc.stdout.read(), await proc.wait())
        proc = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
        out, _ = await proc.communicate(b"x" * 300_000)
        print(len(out), proc.returncode)
        proc = await asyncio.create_subprocess_exec("echo", "hi", stdin=PIPE, stdout=PIPE)
        print(await proc.stdout.read())
        await asyncio.sleep(0.1)
        proc.stdin.write(b"too late\\n")
        try:
            await proc.stdin.drain()
        except ConnectionResetError as e:
            print(type(e).__name__, e)
        print(await proc.wait())
        proc = await asyncio.create_subprocess_exec("echo", "hi", stdin=PIPE, stdout=PIPE)
        print(*await proc.communicate(b"x" * 200_000), proc.returncode)
        proc = await asyncio.create_subprocess_exec("cat", stdout=PIPE)
        print(*await proc.communicate(), proc.returncode)
    asyncio.run(main())
    `,
    async () => {
      let proc = await asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      print(proc.stdin !== null, proc.stdin!.canWriteEof());
      print(...(await proc.communicate("hello\nworld\n")), proc.returncode);
      proc = await asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      proc.stdin!.write("line 1\n");
      await proc.stdin!.drain();
      print(await proc.stdout!.readline());
      proc.stdin!.write("line 2\n");
      print(await proc.stdout!.readline());
      proc.stdin!.close();
      print(proc.stdin!.isClosing());
      await proc.stdin!.waitClosed();
      print(await proc.stdout!.read(), await proc.wait());
      proc = await asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
      const [out] = await proc.communicate("x".repeat(300_000));
      print(out!.length, proc.returncode);
      proc = await asyncio.createSubprocessExec("echo", "hi", { stdin: PIPE, stdout: PIPE });
      print(await proc.stdout!.read());
      await asyncio.sleep(0.1);
      proc.stdin!.write("too late\n");
      try {
        await proc.stdin!.drain();
      } catch (e) {
        if (!(e instanceof asyncio.ConnectionResetError)) throw e;
        print(e.name, e.message);
      }
      print(await proc.wait());
      proc = await asyncio.createSubprocessExec("echo", "hi", { stdin: PIPE, stdout: PIPE });
      print(...(await proc.communicate("x".repeat(200_000))), proc.returncode);
      proc = await asyncio.createSubprocessExec("cat", { stdout: PIPE });
      print(...(await proc.communicate()), proc.returncode);
    },
  );
});
