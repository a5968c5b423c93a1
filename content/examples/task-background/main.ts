import * as asyncio from "asyncio";

const backgroundTasks = new Set<asyncio.Task<void>>();

async function sendEmail(to: string) {
  await asyncio.sleep(1);
  print(`email sent to ${to}`);
}

function fireAndForget(coro: () => Promise<void>): asyncio.Task<void> {
  const task = asyncio.createTask(coro);
  backgroundTasks.add(task); // a strong reference, so the task cannot vanish...
  task.addDoneCallback(() => backgroundTasks.delete(task)); // ...dropped once it is done
  return task;
}

async function main() {
  for (const to of ["ana@example.com", "bo@example.com"]) {
    fireAndForget(() => sendEmail(to));
  }
  print("main: request handled;", backgroundTasks.size, "emails in flight");
  await asyncio.sleep(2); // a server would go on serving here
  print("main:", backgroundTasks.size, "emails in flight");
}

asyncio.run(main);
