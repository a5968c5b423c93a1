import * as asyncio from "asyncio";

// Writing an audit entry takes half a second.
async function saveAudit(order: string) {
  await asyncio.sleep(0.5);
  print(`audit: saved ${order}`);
}

async function handle(order: string) {
  asyncio.createTask(() => saveAudit(order)); // fire and forget
  print(`handled ${order}`);
}

async function main() {
  for (const order of ["#1", "#2", "#3"]) {
    await handle(order);
  }
  print("all orders handled");
}

asyncio.run(main);
