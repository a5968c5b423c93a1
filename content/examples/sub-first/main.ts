import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

async function main() {
  // No shell: the program and each argument are passed as they are.
  let proc = await asyncio.createSubprocessExec("echo", "hello", "from", "a child", {
    stdout: PIPE,
  });
  print(`started pid ${proc.pid}, returncode ${asyncio.pyStr(proc.returncode)}`);
  const [stdout, stderr] = await proc.communicate(); // reads to the end, then waits for the exit
  print(`stdout ${asyncio.pyRepr(stdout)}, stderr ${asyncio.pyRepr(stderr)}`);
  print(`returncode ${proc.returncode}`);

  proc = await asyncio.createSubprocessExec("sleep", "1");
  print("sleep 1 started; the loop is free meanwhile");
  print(`sleep exited with ${await proc.wait()}`);
}

asyncio.run(main);
