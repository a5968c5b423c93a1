import * as asyncio from "asyncio";

type User = { id: number; name: string };

async function fetchUser(userId: number): Promise<User> {
  await asyncio.sleep(0.2);
  return { id: userId, name: "Ada" };
}

async function greeting(userId: number): Promise<string> {
  const user = await fetchUser(userId);
  return `hello, ${user.name}`;
}

async function handleRequest(userId: number): Promise<void> {
  print(`request for user ${userId}`);
  print(await greeting(userId));
}

async function main(): Promise<void> {
  // async with asyncio.TaskGroup() as tg: the body is a callback.
  await asyncio.TaskGroup.run(async (tg) => {
    tg.createTask(() => handleRequest(7));
    tg.createTask(() => handleRequest(8));
  });
}

asyncio.run(main);
