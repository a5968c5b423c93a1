import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

async function main() {
  // cat copies its stdin to its stdout: a stand-in for any filter (sort, gzip, jq...).
  let proc = await asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  const [stdout] = await proc.communicate("first line\nsecond line\n");
  print(`communicate(input): ${stdout}, returncode ${proc.returncode}`);

  // A conversation: write a line, wait for the answer, write the next.
  proc = await asyncio.createSubprocessExec("cat", { stdin: PIPE, stdout: PIPE });
  for (const word of ["ping", "pong"]) {
    proc.stdin!.write(`${word}\n`);
    await proc.stdin!.drain();
    print(`sent ${word}, got back ${await proc.stdout!.readline()}`);
  }
  proc.stdin!.close(); // the end of its input: cat exits
  await proc.stdin!.waitClosed();
  print(`returncode ${await proc.wait()}`);
}

asyncio.run(main);
