import * as asyncio from "asyncio";

let currentUser = "nobody";

function log(message: string): void {
  print(`${currentUser}: ${message}`);
}

async function loadCart(user: string, seconds: number): Promise<void> {
  currentUser = user;
  log("loading cart");
  await asyncio.sleep(seconds); // the database
  log("cart loaded");
}

async function main(): Promise<void> {
  await asyncio.gather(
    () => loadCart("ada", 0.3),
    () => loadCart("grace", 0.1),
    () => loadCart("alan", 0.2),
  );
  log("all carts loaded");
}

asyncio.run(main);
