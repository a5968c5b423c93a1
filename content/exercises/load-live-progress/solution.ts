import * as asyncio from "asyncio";

let done = 0;

async function request(sem: asyncio.Semaphore) {
  await using _slot = await sem.hold();
  await asyncio.sleep(0.35); // the request
  done += 1;
}

async function reporter() {
  while (true) {
    await asyncio.sleep(0.5);
    print(`progress: ${done} done`);
  }
}

async function main() {
  const sem = new asyncio.Semaphore(2);
  const progress = asyncio.createTask(reporter);
  await asyncio.gather(...Array.from({ length: 16 }, () => () => request(sem)));
  progress.cancel();
  print(`done ${done}`);
}

asyncio.run(main);
