import * as asyncio from "asyncio";

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  // ticker 4 0.5 prints "tick 1" … "tick 4", one line every half second.
  const proc = await asyncio.createSubprocessExec("ticker", "4", "0.5", {
    stdout: asyncio.subprocess.PIPE,
  });
  for await (const line of proc.stdout!) {
    // each line as soon as the child writes it
    print(`${(loop.time() - start).toFixed(1)}s  ${line.decode().trimEnd()}`);
  }
  print(`end of output; returncode ${await proc.wait()}`);
}

asyncio.run(main);
