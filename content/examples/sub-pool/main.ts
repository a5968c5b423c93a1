import * as asyncio from "asyncio";

const JOBS = [
  ["a", "1.5"],
  ["b", "0.5"],
  ["c", "0.75"],
  ["d", "0.5"],
  ["e", "1"],
] as const;

async function convert(name: string, seconds: string, limit: asyncio.Semaphore) {
  await using _ = await limit.hold(); // at most two children at a time
  print(`start ${name}`);
  const proc = await asyncio.createSubprocessExec("sleep", seconds, {
    stdout: asyncio.subprocess.PIPE,
  });
  await proc.communicate();
  print(`done  ${name} (${seconds}s), returncode ${proc.returncode}`);
  return name;
}

async function main() {
  const limit = new asyncio.Semaphore(2);
  const tasks: asyncio.Task<string>[] = [];
  await asyncio.TaskGroup.run(async (tg) => {
    for (const [name, s] of JOBS) {
      tasks.push(tg.createTask(() => convert(name, s, limit)));
    }
  });
  print(asyncio.pyRepr(tasks.map((t) => t.result())));
}

asyncio.run(main);
