import * as asyncio from "asyncio";

class PaymentDeclined extends Error {
  override name = "PaymentDeclined";
}

async function charge(card: string, amount: number): Promise<string> {
  // the payment service answers
  await asyncio.sleep(0.5);
  if (amount > 100) {
    throw new PaymentDeclined(`card ${card} declined for ${amount}`);
  }
  return `charged ${amount}`;
}

async function checkout(card: string, amount: number): Promise<string> {
  print(`checkout ${amount}: start`);
  try {
    // charge's exception comes out here
    const receipt = await charge(card, amount);
    print(`checkout ${amount}: ${receipt}`);
    return receipt;
  } finally {
    // runs on the way out, either way
    print(`checkout ${amount}: cart released`);
  }
}

async function main() {
  for (const amount of [40, 250]) {
    try {
      await checkout("4242", amount);
    } catch (e) {
      // like except PaymentDeclined
      if (!(e instanceof PaymentDeclined)) throw e;
      print(`main caught ${e.name}: ${e.message}`);
    }
  }
  print("main carries on");
}

asyncio.run(main);
