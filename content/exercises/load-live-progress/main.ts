import * as asyncio from "asyncio";

let done = 0;

async function request(sem: asyncio.Semaphore) {
  await using _slot = await sem.hold();
  await asyncio.sleep(0.35); // the request
  done += 1;
}

async function main() {
  const sem = new asyncio.Semaphore(2);
  await asyncio.gather(...Array.from({ length: 16 }, () => () => request(sem)));
  print(`done ${done}`);
}

asyncio.run(main);
