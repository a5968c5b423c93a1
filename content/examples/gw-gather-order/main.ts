import * as asyncio from "asyncio";

async function task(name: string, delay: number): Promise<string> {
  print(`Executing task ${name}`);
  await asyncio.sleep(delay);
  print(`Task ${name} finished`);
  return `${name} done`;
}

async function main() {
  const tasks = [() => task("A", 2), () => task("B", 1), () => task("C", 3)];
  const results = await asyncio.gather(...tasks);
  print(results);
}

asyncio.run(main);
