import * as asyncio from "asyncio";

function flushMetrics() {
  asyncio.blockingSleep(0.6); // writes to disk, blocking
  print("metrics flushed");
}

async function main() {
  const loop = asyncio.getRunningLoop();
  print(`debug mode: ${loop.getDebug() ? "True" : "False"}`);
  loop.slowCallbackDuration = 0.5; // report only what holds the loop 0.5 s or more
  loop.callLater(0.5, flushMetrics);
  asyncio.blockingSleep(0.3); // under the threshold: not reported
  await asyncio.sleep(2);
  print("done");
}

asyncio.run(main, { debug: true });
