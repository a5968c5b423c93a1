import * as asyncio from "asyncio";

async function main() {
  // seq 100000 writes 588,895 bytes: far more than a pipe holds.
  const proc = await asyncio.createSubprocessExec("seq", "100000", {
    stdout: asyncio.subprocess.PIPE,
  });
  try {
    await asyncio.timeout(2, () => proc.wait()); // nobody reads stdout...
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`wait() gave up; returncode ${asyncio.pyStr(proc.returncode)}`);
  }

  const [stdout] = await proc.communicate(); // reads while it waits
  print(`communicate(): ${stdout!.length} bytes, returncode ${proc.returncode}`);
}

asyncio.run(main);
