import * as asyncio from "asyncio";

async function saveOrder(id: number): Promise<void> {
  print(`saving order ${id}`);
  await asyncio.sleep(1); // the database write
  print(`order ${id} saved`);
}

async function sendReceipt(id: number): Promise<void> {
  await asyncio.sleep(0.5); // the mail server
  print(`receipt for order ${id} sent`);
}

async function main(): Promise<void> {
  saveOrder(7);
  await sendReceipt(7);
  print("checkout complete");
}

asyncio.run(main);
