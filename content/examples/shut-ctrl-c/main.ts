import * as asyncio from "asyncio";
import * as simulated from "simulated";

async function syncFiles() {
  try {
    for (let n = 1; n < 100; n++) {
      await asyncio.sleep(0.4);
      print(`synced file ${n}`);
    }
  } finally {
    print("sync stopped");
  }
}

async function main() {
  simulated.sendSignal("SIGINT", { at: 1.0 }); // the user presses Ctrl-C at 1 s
  const sync = asyncio.createTask(() => syncFiles());
  try {
    await asyncio.sleep(3600);
  } catch (e) {
    // Python's `except Exception` skips CancelledError; JS has no such filter
    if (e instanceof asyncio.CancelledError) throw e;
    print("except Exception caught it");
  } finally {
    print("main cleans up; sync still running:", !sync.done());
    await asyncio.sleep(0.3);
    print("main's cleanup done");
  }
}

asyncio.run(main);
