import * as asyncio from "asyncio";

async function build() {
  // The build runs in a shell: the shell starts the ticker, then echoes.
  const proc = await asyncio.createSubprocessShell("ticker 6 0.5; echo built");
  try {
    return await proc.wait();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      proc.terminate();
      print(`cancelled: the shell exited with ${await proc.wait()}`);
    }
    throw e;
  }
}

async function main() {
  try {
    await asyncio.timeout(1.2, build);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("build given up");
  }
  await asyncio.sleep(3); // the rest of the program goes on
  print("done");
}

asyncio.run(main);
