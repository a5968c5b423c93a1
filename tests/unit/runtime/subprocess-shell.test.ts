/**
 * `createSubprocessShell` on the simulated dash, and process groups (`startNewSession`,
 * `processGroup`, `os.killpg`, `os.getpgid`): each program checked against CPython running the
 * same program on the recorder's simulated processes. The scripts' outputs, messages and
 * statuses were also checked by hand against real dash (Debian's /bin/sh) with real `sleep`.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import * as asyncio from "../../../src/runtime/asyncio/index.ts";
import * as os from "../../../src/runtime/asyncio/os.ts";
import { readerTypeErrors } from "../sandbox/reader-types.ts";
import { sameAsPython, sameOnEveryVersion } from "./sameAsPython.ts";

const { print } = asyncio;
const { PIPE } = asyncio.subprocess;
const { SIGTERM, SIGINT, SIGKILL } = asyncio.signal;

const SCRIPTS = [
  "foo; echo after $?",
  "echo a && fail 3 boom; exit 4",
  "false || echo b; false && echo c",
  "seq 3 | cat; echo $?; false | true; echo $?; true | false; echo $?; exit 300",
  "echo 'x",
  "; echo a",
  "echo a && && echo b",
  "exit x",
  "echo a &&",
  "echo a & & echo b",
  "exit -1",
  'echo "$?" "a\\"b" a\\ b \'c  d\' # a comment',
  "echo a\nnope",
  "echo a\necho b; ;",
  "echo a &&\necho b | nope | cat",
  "echo a &&\nnope",
  "nope &&\necho b",
  "echo a;\n\n  exit 3 ; echo no",
  "true && exit; echo no",
  "echo $HOME",
  "echo a > out.txt",
  "cat & echo started; wait; echo $?",
  "",
];

test("the shell's language: lists, and-or, pipelines, builtins, quoting, its errors", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio
    from asyncio.subprocess import PIPE
    SCRIPTS = ${JSON.stringify(SCRIPTS)}
    async def main():
        for script in SCRIPTS:
            proc = await asyncio.create_subprocess_shell(script, stdin=PIPE, stdout=PIPE, stderr=PIPE)
            print(*await proc.communicate(b""), proc.returncode)
        proc = await asyncio.create_subprocess_exec("sh", "-c", "nope", stderr=PIPE)
        print(*await proc.communicate(), proc.returncode)
        try:
            await asyncio.create_subprocess_shell(["echo"])
        except ValueError as e:
            print(type(e).__name__, e)
    asyncio.run(main())
    `,
    async () => {
      for (const script of SCRIPTS) {
        const proc = await asyncio.createSubprocessShell(script, {
          stdin: PIPE,
          stdout: PIPE,
          stderr: PIPE,
        });
        print(...(await proc.communicate("")), proc.returncode);
      }
      const proc = await asyncio.createSubprocessExec("sh", "-c", "nope", { stderr: PIPE });
      print(...(await proc.communicate()), proc.returncode);
      try {
        await asyncio.createSubprocessShell(["echo"] as unknown as string);
      } catch (e) {
        if (!(e instanceof asyncio.ValueError)) throw e;
        print(e.name, e.message);
      }
    },
  );
});

test("a signal to the shell alone: the shell dies, its command runs on and holds the pipe", async (t) => {
  await sameOnEveryVersion(
    t,
    `
    import asyncio, signal
    from asyncio.subprocess import PIPE
    async def main():
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            proc = await asyncio.create_subprocess_shell("sleep 0.6; echo after $?", stdout=PIPE, stderr=PIPE)
            await asyncio.sleep(0.2)
            proc.send_signal(sig)
            print(sig.name, *await proc.communicate(), proc.returncode, loop.time())
        proc = await asyncio.create_subprocess_shell("ticker 4 0.5; echo done")
        await asyncio.sleep(1.2)
        proc.terminate()
        print("shell:", await proc.wait())
        await asyncio.sleep(1.5)
        proc = await asyncio.create_subprocess_shell("stubborn 1; echo done $?", stderr=PIPE)
        await asyncio.sleep(0.5)
        proc.terminate()
        print("shell:", await proc.wait())
        await asyncio.sleep(1)
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      for (const sig of [SIGINT, SIGTERM, SIGKILL]) {
        const proc = await asyncio.createSubprocessShell("sleep 0.6; echo after $?", {
          stdout: PIPE,
          stderr: PIPE,
        });
        await asyncio.sleep(0.2);
        proc.sendSignal(sig);
        print(sig.name, ...(await proc.communicate()), proc.returncode, loop.time());
      }
      let proc = await asyncio.createSubprocessShell("ticker 4 0.5; echo done");
      await asyncio.sleep(1.2);
      proc.terminate();
      print("shell:", await proc.wait());
      await asyncio.sleep(1.5);
      proc = await asyncio.createSubprocessShell("stubborn 1; echo done $?", { stderr: PIPE });
      await asyncio.sleep(0.5);
      proc.terminate();
      print("shell:", await proc.wait());
      await asyncio.sleep(1);
    },
  );
});

test("a command killed under a living shell: $? is 128 + the signal, and dash says which", async (t) => {
  await sameAsPython(
    t,
    `
    import asyncio, os, signal
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_shell(
            "sleep 5 & ticker 3 0.5; echo ticker $?; wait; echo wait $?",
            stdout=PIPE, stderr=PIPE, start_new_session=True)
        await asyncio.sleep(0.7)
        print(os.getpgid(proc.pid) == proc.pid, os.getpgid(proc.pid + 1) == proc.pid)
        os.killpg(proc.pid, 0)
        # proc.pid + 1 is the background sleep, + 2 the ticker: not a group of their own
        for pid in (proc.pid + 1, proc.pid + 2):
            try:
                os.killpg(pid, signal.SIGKILL)
            except ProcessLookupError as e:
                print(pid - proc.pid, e)
        print(*await proc.communicate(), proc.returncode)
    asyncio.run(main())
    `,
    async () => {
      const proc = await asyncio.createSubprocessShell(
        "sleep 5 & ticker 3 0.5; echo ticker $?; wait; echo wait $?",
        { stdout: PIPE, stderr: PIPE, startNewSession: true },
      );
      const pid = proc.pid as number;
      await asyncio.sleep(0.7);
      print(asyncio.pyStr(os.getpgid(pid) === pid), asyncio.pyStr(os.getpgid(pid + 1) === pid));
      os.killpg(pid, 0);
      for (const other of [pid + 1, pid + 2]) {
        try {
          os.killpg(other, SIGKILL);
        } catch (e) {
          if (!(e instanceof asyncio.ProcessLookupError)) throw e;
          print(other - pid, e.message);
        }
      }
      print(...(await proc.communicate()), proc.returncode);
    },
  );
});

test("process groups: start_new_session, process_group, killpg reaches the shell's commands", async (t) => {
  await sameOnEveryVersion(
    t,
    `
    import asyncio, os, signal
    from asyncio.subprocess import PIPE
    async def main():
        proc = await asyncio.create_subprocess_shell("ticker 5 0.5; echo done", stdout=PIPE)
        print(os.getpgid(proc.pid) == os.getpgrp())
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError as e:
            print(type(e).__name__, e)
        proc.kill()
        print(await proc.wait())
        proc = await asyncio.create_subprocess_shell("ticker 5 0.5; echo done", stdout=PIPE, start_new_session=True)
        print(await proc.stdout.readline())
        os.killpg(proc.pid, signal.SIGTERM)
        print(await proc.wait(), await proc.stdout.read(), asyncio.get_running_loop().time())
        for name in ("killpg", "getpgid"):
            try:
                os.killpg(proc.pid, signal.SIGTERM) if name == "killpg" else os.getpgid(proc.pid)
            except ProcessLookupError as e:
                print(name, e)
        leader = await asyncio.create_subprocess_exec("sleep", "1", process_group=0)
        member = await asyncio.create_subprocess_exec("stubborn", "3", stdout=PIPE, process_group=leader.pid)
        print(os.getpgid(leader.pid) == leader.pid, os.getpgid(member.pid) == leader.pid)
        print(await member.stdout.readline())
        os.killpg(leader.pid, signal.SIGTERM)
        print(await leader.wait(), member.returncode, await member.stdout.readline())
        os.killpg(leader.pid, signal.SIGKILL)
        print(await member.wait())
        try:
            await asyncio.create_subprocess_exec("sleep", "1", process_group=leader.pid)
        except PermissionError as e:
            print(type(e).__name__, e)
    asyncio.run(main())
    `,
    async () => {
      const loop = asyncio.getRunningLoop();
      let proc = await asyncio.createSubprocessShell("ticker 5 0.5; echo done", { stdout: PIPE });
      print(asyncio.pyStr(os.getpgid(proc.pid as number) === os.getpgrp()));
      try {
        os.killpg(proc.pid as number, SIGTERM);
      } catch (e) {
        if (!(e instanceof asyncio.ProcessLookupError)) throw e;
        print(e.name, e.message);
      }
      proc.kill();
      print(await proc.wait());
      proc = await asyncio.createSubprocessShell("ticker 5 0.5; echo done", {
        stdout: PIPE,
        startNewSession: true,
      });
      print(await proc.stdout!.readline());
      os.killpg(proc.pid as number, SIGTERM);
      print(await proc.wait(), await proc.stdout!.read(), loop.time());
      for (const name of ["killpg", "getpgid"]) {
        try {
          if (name === "killpg") os.killpg(proc.pid as number, SIGTERM);
          else os.getpgid(proc.pid as number);
        } catch (e) {
          if (!(e instanceof asyncio.ProcessLookupError)) throw e;
          print(name, e.message);
        }
      }
      const leader = await asyncio.createSubprocessExec("sleep", "1", { processGroup: 0 });
      const member = await asyncio.createSubprocessExec("stubborn", "3", {
        stdout: PIPE,
        processGroup: leader.pid,
      });
      const lpid = leader.pid as number;
      print(
        asyncio.pyStr(os.getpgid(lpid) === lpid),
        asyncio.pyStr(os.getpgid(member.pid as number) === lpid),
      );
      print(await member.stdout!.readline());
      os.killpg(lpid, SIGTERM);
      print(await leader.wait(), member.returncode, await member.stdout!.readline());
      os.killpg(lpid, SIGKILL);
      print(await member.wait());
      try {
        await asyncio.createSubprocessExec("sleep", "1", { processGroup: lpid });
      } catch (e) {
        if (!(e instanceof asyncio.PermissionError)) throw e;
        print(e.name, e.message);
      }
    },
  );
});

test("in the editor, `import * as os from \"os\"` is the reader's os (Node's types hide it in the repo)", () => {
  for (const path of [
    "content/examples/sub-group/main.ts",
    "content/exercises/sub-stop-the-group/solution.ts",
  ])
    assert.deepEqual(readerTypeErrors(readFileSync(path, "utf8")), [], path);
  assert.match(
    readerTypeErrors('import * as os from "os";\nos.cpus();').join("\n"),
    /Property 'cpus' does not exist/,
  );
});
