import * as asyncio from "asyncio";

function remind(label: string): void {
  // a plain function: runs outside any task
  print(`callback: ${label}`);
}

async function main() {
  const loop = asyncio.getRunningLoop();
  loop.callLater(0.5, remind, "call_later(0.5)");
  loop.callSoon(remind, "call_soon");
  print("main: both callbacks scheduled");
  // yield: the loop runs what is ready
  await asyncio.sleep(0);
  print("main: back after sleep(0)");
  await asyncio.sleep(1);
  print("main: done");
}

asyncio.run(main);
