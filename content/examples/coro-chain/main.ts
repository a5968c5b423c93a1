import * as asyncio from "asyncio";

interface User {
  id: number;
  name: string;
}

async function fetchUser(userId: number): Promise<User> {
  print(`fetching user ${userId}`);
  // stands in for a database query
  await asyncio.sleep(1);
  return { id: userId, name: "Alice" };
}

async function fetchOrders(user: User): Promise<string[]> {
  print(`fetching orders of ${user.name}`);
  // stands in for a slower HTTP call
  await asyncio.sleep(2);
  return ["book", "lamp"];
}

async function orderSummary(userId: number): Promise<string> {
  const user = await fetchUser(userId);
  // needs the user first
  const orders = await fetchOrders(user);
  return `${user.name} has ${orders.length} orders`;
}

async function main() {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const summary = await orderSummary(42);
  print(summary);
  print(`took ${(loop.time() - start).toFixed(1)} s`);
}

asyncio.run(main);
