import * as asyncio from "asyncio";

// Writing an audit entry takes half a second.
async function saveAudit(order: string) {
  await asyncio.sleep(0.5);
  print(`audit: saved ${order}`);
}

// Strong references to the audit tasks, so they can be awaited (and cannot vanish).
const audits: asyncio.Task<void>[] = [];

async function handle(order: string) {
  audits.push(asyncio.createTask(() => saveAudit(order))); // still does not wait for it
  print(`handled ${order}`);
}

async function main() {
  for (const order of ["#1", "#2", "#3"]) {
    await handle(order);
  }
  print("all orders handled");
  await asyncio.gather(...audits); // the program ends only when every audit is saved
}

asyncio.run(main);
