import * as asyncio from "asyncio";

async function fetch(what: string, seconds: number): Promise<string> {
  await asyncio.sleep(seconds);
  return what;
}

async function waitForReply(reply: asyncio.Event) {
  await reply.wait(); // nobody ever sets it
}

async function reportTasks() {
  for (;;) {
    await asyncio.sleep(1);
    const me = asyncio.currentTask();
    const names = [...asyncio.allTasks()].filter((t) => t !== me).map((t) => t.getName());
    print(`pending: ${names.join(", ")}`);
  }
}

async function main() {
  const monitor = asyncio.createTask(reportTasks, { name: "monitor" });
  const users = asyncio.createTask(() => fetch("users", 1.5), { name: "fetch-users" });
  const orders = asyncio.createTask(() => fetch("orders", 2.5), { name: "fetch-orders" });
  const event = new asyncio.Event();
  const reply = asyncio.createTask(() => waitForReply(event), { name: "wait-reply" });
  print(`got ${await users} and ${await orders}`);
  try {
    await asyncio.waitFor(reply, 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait-reply is stuck: cancelled after 1 s more");
  }
  monitor.cancel();
}

asyncio.run(main);
