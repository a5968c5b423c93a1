import * as asyncio from "asyncio";

const backgroundTasks = new Set<asyncio.Task<void>>();

async function sendEmail(to: string) {
  await asyncio.sleep(1);
  print(`email sent to ${to}`);
}

function fireAndForget(coro: () => Promise<void>) {
  const task = asyncio.createTask(coro);
  // Hold a strong reference until the task is done.
  backgroundTasks.add(task);
  task.addDoneCallback(() => backgroundTasks.delete(task));
  return task;
}

async function main() {
  for (const to of ["ana@example.com", "bo@example.com"]) {
    fireAndForget(() => sendEmail(to));
  }
  print("main: in flight:", backgroundTasks.size);
  await asyncio.sleep(2); // a server goes on serving
  print("main: in flight:", backgroundTasks.size);
}

asyncio.run(main);
