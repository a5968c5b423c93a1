import * as asyncio from "asyncio";

let tickets = 3;
const lock = new asyncio.Lock();

async function buy(name: string) {
  // Check and take the ticket while no other buyer can: the await
  // for the payment is inside the lock.
  await using _ = await lock.hold();
  if (tickets > 0) {
    await asyncio.sleep(0.2); // the payment
    tickets -= 1;
    print(`${name} got a ticket`);
  } else {
    print(`${name}: sold out`);
  }
}

async function main() {
  const names = ["Ann", "Ben", "Cat", "Dan", "Eve"];
  await asyncio.gather(...names.map((name) => () => buy(name)));
  print(`tickets left: ${tickets}`);
}

asyncio.run(main);
