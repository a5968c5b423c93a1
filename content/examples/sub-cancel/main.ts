import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

async function stop(proc: asyncio.Process, grace: number) {
  proc.terminate(); // SIGTERM: please stop (a program may catch or ignore it)
  try {
    return await asyncio.timeout(grace, () => proc.wait());
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    proc.kill(); // SIGKILL: stop now
    return await proc.wait();
  }
}

async function watch(...args: [string, ...string[]]) {
  const proc = await asyncio.createSubprocessExec(...args, { stdout: PIPE });
  try {
    for await (const line of proc.stdout!) print(line.decode().trimEnd());
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      const code = await stop(proc, 0.5);
      print(`cancelled: ${args[0]} stopped with ${code}`);
    }
    throw e;
  }
  return await proc.wait();
}

async function main() {
  const commands: [string, ...string[]][] = [
    ["ticker", "10", "0.5"],
    ["stubborn", "10"],
  ];
  for (const args of commands) {
    const task = asyncio.createTask(() => watch(...args));
    await asyncio.sleep(1.2);
    task.cancel();
    try {
      await task;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print(`task cancelled: ${asyncio.pyStr(task.cancelled())}`);
    }
  }
}

asyncio.run(main);
