import * as asyncio from "asyncio";
import * as os from "os";
import * as signal from "signal";

async function build() {
  // The build runs in a shell: the shell starts the ticker, then echoes.
  const proc = await asyncio.createSubprocessShell("ticker 6 0.5; echo built", {
    startNewSession: true,
  });
  try {
    return await proc.wait();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      os.killpg(proc.pid!, signal.SIGTERM); // the shell and the ticker
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
