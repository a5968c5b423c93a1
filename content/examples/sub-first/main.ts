import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

async function main() {
  // No shell: the program and each argument are passed as they are.
  let proc = await asyncio.createSubprocessExec("echo", "hi", "there", {
    stdout: PIPE,
  });
  print(`started pid ${proc.pid}, returncode ${proc.returncode ?? "None"}`);
  // read to the end, wait for the exit
  const [stdout, stderr] = await proc.communicate();
  print(`stdout ${asyncio.pyRepr(stdout)}, stderr ${asyncio.pyRepr(stderr)}`);
  print(`returncode ${proc.returncode}`);

  proc = await asyncio.createSubprocessExec("sleep", "1");
  print("sleep 1 started; the loop is free meanwhile");
  print(`sleep exited with ${await proc.wait()}`);
}

asyncio.run(main);
