import * as asyncio from "asyncio";

class Account {
  balance: number;
  lock = new asyncio.Lock();
  constructor(balance: number) {
    this.balance = balance;
  }
}

async function checkFraud() {
  await asyncio.sleep(0.1); // a call to another service
}

async function withdraw(account: Account, name: string, amount: number) {
  const current = account.balance; // read
  await checkFraud(); // other tasks run here
  if (current >= amount) {
    account.balance = current - amount; // write
    print(`${name} takes ${amount}, balance ${account.balance}`);
  } else {
    print(`${name} refused, balance ${current}`);
  }
}

async function withdrawLocked(account: Account, name: string, amount: number) {
  await using _ = await account.lock.hold(); // one task at a time in here
  await withdraw(account, name, amount);
}

async function main() {
  let account = new Account(100);
  await asyncio.gather(
    () => withdraw(account, "Alice", 80),
    () => withdraw(account, "Bob", 80),
  );
  print(`without a lock: ${account.balance} left, 160 paid out`);

  account = new Account(100);
  await asyncio.gather(
    () => withdrawLocked(account, "Alice", 80),
    () => withdrawLocked(account, "Bob", 80),
  );
  print(`with a lock: ${account.balance} left`);
}

asyncio.run(main);
