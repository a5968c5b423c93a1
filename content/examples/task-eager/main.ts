import * as asyncio from "asyncio";

const cache = new Map([["alice", "Alice Liddell"]]);

async function lookup(user: string) {
  print(`looking up ${user}`);
  const cached = cache.get(user);
  if (cached !== undefined) return cached; // no await: done without ever suspending
  await asyncio.sleep(1); // not cached: wait for the database
  cache.set(user, user[0]!.toUpperCase() + user.slice(1));
  return cache.get(user)!;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  try {
    loop.setTaskFactory(asyncio.eagerTaskFactory); // new in Python 3.12
    print("eager tasks: each one starts inside create_task");
  } catch (e) {
    if (!(e instanceof asyncio.AttributeError)) throw e;
    print("no eager_task_factory before Python 3.12: tasks start later");
  }
  const hit = asyncio.createTask(() => lookup("alice"));
  const miss = asyncio.createTask(() => lookup("bob"));
  print("both tasks created");
  print(await hit, "/", await miss);
}

asyncio.run(main);
