import * as asyncio from "asyncio";

async function fetchUser(userId: number): Promise<{ id: number; name: string }> {
  await asyncio.sleep(0.2);
  return { id: userId, name: "Ada" };
}

// A "synchronous" wrapper: in JavaScript it still returns a promise, so the caller awaits it.
function getUser(userId: number): Promise<{ id: number; name: string }> {
  return asyncio.run(() => fetchUser(userId));
}

async function handleRequest(userId: number): Promise<void> {
  print(`request for user ${userId}`);
  const user = await getUser(userId); // deep down, a helper calls the wrapper
  print(`hello, ${user.name}`);
}

asyncio.run(() => handleRequest(7));
