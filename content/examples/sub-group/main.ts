import * as asyncio from "asyncio";
import * as os from "os";
import * as signal from "signal";

const SCRIPT = "ticker 4 0.5; echo done"; // a shell, and the ticker it starts

async function run(stop: (proc: asyncio.Process) => void, options: asyncio.SubprocessOptions = {}) {
  const proc = await asyncio.createSubprocessShell(SCRIPT, options);
  try {
    return await proc.wait();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      stop(proc);
      print(`cancelled: the shell exited with ${await proc.wait()}`);
    }
    throw e;
  }
}

async function main() {
  print("terminate(): the shell only");
  try {
    await asyncio.timeout(1.2, () => run((proc) => proc.terminate()));
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
  }
  await asyncio.sleep(1.5); // the ticker was not told: it runs on

  print("killpg(): the shell's whole process group");
  try {
    await asyncio.timeout(1.2, () =>
      run((proc) => os.killpg(proc.pid!, signal.SIGTERM), { startNewSession: true }),
    );
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
  }
  await asyncio.sleep(1.5);
  print("no tick since");
}

asyncio.run(main);
