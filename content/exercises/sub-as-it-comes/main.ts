import * as asyncio from "asyncio";

async function main() {
  // A build that reports progress: one line every half second.
  const proc = await asyncio.createSubprocessExec("ticker", "4", "0.5", {
    stdout: asyncio.subprocess.PIPE,
  });
  const [stdout] = await proc.communicate();
  for (const line of stdout!.decode().split("\n")) {
    if (line !== "") print(`progress: ${line}`);
  }
  print(`build finished with ${proc.returncode}`);
}

asyncio.run(main);
