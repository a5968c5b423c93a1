import * as asyncio from "asyncio";

class PaymentDeclined extends Error {
  override name = "PaymentDeclined";
}

async function charge(card: string, amount: number): Promise<string> {
  await asyncio.sleep(0.5); // the payment service answers
  if (amount > 100) {
    throw new PaymentDeclined(`card ${card} declined for ${amount}`);
  }
  return `charged ${amount}`;
}

async function checkout(card: string, amount: number): Promise<string> {
  print(`checkout ${amount}: start`);
  try {
    const receipt = await charge(card, amount); // an exception in charge surfaces here
    print(`checkout ${amount}: ${receipt}`);
    return receipt;
  } finally {
    print(`checkout ${amount}: cart released`); // runs on the way out, either way
  }
}

async function main() {
  for (const amount of [40, 250]) {
    try {
      await checkout("4242", amount);
    } catch (e) {
      if (!(e instanceof PaymentDeclined)) throw e; // Python's except catches only what it names
      print(`main caught ${e.name}: ${e.message}`);
    }
  }
  print("main carries on");
}

asyncio.run(main);
