import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

async function runWithTimeout(seconds: number, ...args: [string, ...string[]]) {
  const proc = await asyncio.createSubprocessExec(...args, { stdout: PIPE });
  let stdout: asyncio.Bytes | null;
  try {
    [stdout] = await asyncio.timeout(seconds, () => proc.communicate());
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    proc.kill(); // SIGKILL: the child cannot refuse
    await proc.wait(); // reap it: the exit status is read, nothing is left behind
    print(`${args[0]} took too long; killed, returncode ${proc.returncode}`);
    return null;
  }
  const words = stdout!
    .decode()
    .split(/\s+/)
    .filter((w) => w !== "");
  print(`${args[0]} finished: ${asyncio.pyRepr(words)}`);
  return stdout;
}

async function main() {
  await runWithTimeout(2, "ticker", "3", "0.5");
  await runWithTimeout(2, "ticker", "10", "0.5");
}

asyncio.run(main);
