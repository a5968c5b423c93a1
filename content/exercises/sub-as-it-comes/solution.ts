import * as asyncio from "asyncio";

async function main() {
  // A build that reports progress: one line every half second.
  const proc = await asyncio.createSubprocessExec("ticker", "4", "0.5", {
    stdout: asyncio.subprocess.PIPE,
  });
  for await (const line of proc.stdout!) {
    print(`progress: ${line.decode().trimEnd()}`);
  }
  print(`build finished with ${await proc.wait()}`);
}

asyncio.run(main);
