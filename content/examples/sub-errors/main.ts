import * as asyncio from "asyncio";

const { PIPE } = asyncio.subprocess;

async function run(...args: [string, ...string[]]) {
  const options = { stdout: PIPE, stderr: PIPE };
  const proc = await asyncio.createSubprocessExec(...args, options);
  const [stdout, stderr] = await proc.communicate();
  if (proc.returncode !== 0) {
    // no exception: a failed command is a number
    const why = stderr!.decode().split("\n")[0];
    print(`${args[0]} failed (${proc.returncode}): ${why}`);
  } else {
    print(`${args[0]} ok: ${stdout!.decode().trim()}`);
  }
}

async function main() {
  await run("echo", "all good");
  await run("fail", "3", "disk full");
  await run("sleep", "soon");
  try {
    await run("no-such-program");
  } catch (e) {
    if (!(e instanceof asyncio.FileNotFoundError)) throw e;
    print(`${e.name}: ${e.message}`);
  }
}

asyncio.run(main);
