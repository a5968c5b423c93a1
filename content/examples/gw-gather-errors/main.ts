import * as asyncio from "asyncio";

async function job(name: string, delay: number, fail = false) {
  await asyncio.sleep(delay);
  if (fail) throw new asyncio.ValueError(`${name} failed`);
  print(`${name} done`);
  return name;
}

async function main() {
  try {
    await asyncio.gather(
      () => job("a", 1),
      () => job("b", 0.5, true),
      () => job("c", 2),
    );
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print("gather raised:", e.message);
  }
  await asyncio.sleep(2); // a and c were not cancelled: watch them finish

  const results = await asyncio.gather(
    () => job("d", 1),
    () => job("e", 0.5, true),
    { returnExceptions: true },
  );
  print("with return_exceptions:", results);
}

asyncio.run(main);
