import * as asyncio from "asyncio";

// Runs in a Worker: its own thread and its own
// heap, so its source must be self-contained.
function cpuIntensiveTask(n: number): number {
  let total = 0;
  for (let i = 0; i < n * 1_000_000; i++) {
    total += i * i;
  }
  return total;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  print("Starting async I/O operations...");
  await asyncio.sleep(1);

  const numbers = [1, 2, 3, 4];
  // one Worker per call: four really run at once
  const futures = numbers.map((n) => loop.runInExecutor(null, cpuIntensiveTask, n));
  const results = await asyncio.gather(...futures);
  for (const [i, total] of results.entries()) {
    const sum = total.toExponential(3);
    print(`n=${numbers[i]}: ${sum}`);
  }
  print(`results at ${(loop.time() - start).toFixed(1)} s`);
}

asyncio.run(main);
