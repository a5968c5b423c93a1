import * as asyncio from "asyncio";
import * as signal from "signal";
import * as simulated from "simulated";

const DURATIONS: Record<string, number> = {
  "job-1": 0.6,
  "job-2": 1.5,
  "job-3": 0.6,
  "job-4": 0.5,
  "job-5": 0.7,
};

async function worker(name: string, jobs: asyncio.Queue<string | null>) {
  while (true) {
    const job = await jobs.get();
    if (job === null) break; // "no more jobs"
    print(`${name} starts ${job}`);
    await asyncio.sleep(DURATIONS[job]!);
    print(`${name} finished ${job}`);
  }
  print(`${name} exits`);
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const stop = new asyncio.Event();
  for (const sig of [signal.SIGTERM, signal.SIGINT]) {
    loop.addSignalHandler(sig, () => stop.set());
  }
  simulated.sendSignal("SIGTERM", { at: 1.0 }); // `kill <pid>` at 1 s

  const jobs = new asyncio.Queue<string | null>();
  for (const job of Object.keys(DURATIONS)) {
    jobs.putNowait(job);
  }
  const workers = [1, 2].map((i) => asyncio.createTask(() => worker(`w${i}`, jobs)));

  await stop.wait();
  const left: (string | null)[] = [];
  while (!jobs.empty()) {
    left.push(jobs.getNowait());
  }
  print(`SIGTERM: ${left.join(", ")} put back for the next run`);
  for (const _ of workers) {
    jobs.putNowait(null); // one "no more jobs" for each worker
  }
  await asyncio.gather(...workers);
  print("all workers stopped");
}

asyncio.run(main);
