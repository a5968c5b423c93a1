import * as asyncio from "asyncio";

async function fetch(name: string, delay: number) {
  await asyncio.sleep(delay);
  print(`${name}: done`);
  return `${name} data`;
}

async function main() {
  // async with asyncio.TaskGroup() as tg: the body is a callback.
  const [users, orders] = await asyncio.TaskGroup.run(async (tg) => {
    const users = tg.createTask(() => fetch("users", 1));
    const orders = tg.createTask(() => fetch("orders", 2));
    print("both started; the block waits for them");
    return [users, orders];
  });
  // Leaving the block means every task in the group is done.
  print(users.result(), "+", orders.result());
}

asyncio.run(main);
