import * as asyncio from "asyncio";

async function main() {
  // A job that should take a second or two, but this time it hangs on.
  const proc = await asyncio.createSubprocessExec("ticker", "10", "1", {
    stdout: asyncio.subprocess.PIPE,
  });
  const [stdout] = await proc.communicate();
  const lines = stdout!.decode().split("\n").length - 1;
  print(`got ${lines} lines, returncode ${proc.returncode}`);
}

asyncio.run(main);
