import * as asyncio from "asyncio";

async function* ticks(n: number, delay: number) {
  for (let i = 0; i < n; i++) {
    await asyncio.sleep(delay);
    yield i;
  }
}

async function square(x: number): Promise<number> {
  await asyncio.sleep(0.1);
  return x * x;
}

async function main() {
  const gen = ticks(5, 0.2);
  // One item, by hand: anext(gen)
  const first = (await gen.next()).value;
  print(`first: ${first}`);
  // JavaScript has no async comprehensions: a for await loop collects instead.
  const rest: number[] = [];
  // The same generator: the other four.
  for await (const i of gen) rest.push(i);
  print("rest:", rest);
  const evens: number[] = [];
  for await (const i of ticks(6, 0.1)) if (i % 2 === 0) evens.push(i);
  print("evens:", evens);
  const squares: number[] = [];
  // Awaited one after another.
  for (const i of [0, 1, 2]) squares.push(await square(i));
  print("squares:", squares);
  // { done: true } instead of StopAsyncIteration.
  const next = await ticks(0, 0.1).next();
  print(next.done ? "nothing left" : next.value);
}

asyncio.run(main);
