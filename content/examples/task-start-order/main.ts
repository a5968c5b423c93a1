import * as asyncio from "asyncio";

async function child(name: string) {
  print(`${name}: started`);
  await asyncio.sleep(0.5);
  print(`${name}: finished`);
}

async function main() {
  print("main: creating A");
  const a = asyncio.createTask(() => child("A"));
  print("main: creating B");
  const b = asyncio.createTask(() => child("B"));
  print("main: awaiting A");
  await a;
  print("main: A is done");
  await b;
  print("main: B is done");
}

asyncio.run(main);
