import * as asyncio from "asyncio";

class ConnectionError extends Error {}

async function fetchUser(): Promise<never> {
  await asyncio.sleep(1);
  throw new ConnectionError("user service down");
}

async function logVisit(): Promise<never> {
  await asyncio.sleep(0.5);
  throw new asyncio.ValueError("log disk full");
}

async function main() {
  asyncio.createTask(logVisit); // fire and forget: nobody keeps it
  const task = asyncio.createTask(fetchUser);
  print(`${task.getName()} started`);
  await asyncio.sleep(3);
  print("3 s later, main awaits the task");
  try {
    await task; // the task's exception is raised here
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    print(`caught: ${e.message}`);
  }
}

asyncio.run(main);
