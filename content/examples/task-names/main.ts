import * as asyncio from "asyncio";

function alive(): string[] {
  return [...asyncio.allTasks()].map((task) => task.getName()).sort();
}

async function fetch(delay: number) {
  const me = asyncio.currentTask()!;
  print(`${me.getName()} fetching`);
  await asyncio.sleep(delay);
}

async function main() {
  print("main runs as", asyncio.currentTask()!.getName());
  const users = asyncio.createTask(() => fetch(1), { name: "fetch-users" });
  const orders = asyncio.createTask(() => fetch(2), { name: "fetch-orders" });
  const other = asyncio.createTask(() => fetch(3));
  print("alive:", alive());
  await asyncio.sleep(1.5);
  print("alive:", alive());
  await asyncio.gather(users, orders, other);
  print("alive:", alive());
}

asyncio.run(main);
