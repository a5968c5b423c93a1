import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

type Conn = asyncpg.Connection;

async function balance(conn: Conn, name: string) {
  const sql = "SELECT balance FROM accounts WHERE name = $1";
  return (await conn.fetchval(sql, name)) as number;
}

async function setBalance(conn: Conn, name: string, amount: number) {
  const sql = "UPDATE accounts SET balance = $1 WHERE name = $2";
  await conn.execute(sql, amount, name);
}

// Credits first, then finds out the money is not there:
// the credit has already been written.
async function transfer(conn: Conn, src: string, dst: string, amount: number) {
  const to = await balance(conn, dst);
  await setBalance(conn, dst, to + amount);
  const left = await balance(conn, src);
  if (left < amount) throw new Error(`${src} has only ${left}`);
  await setBalance(conn, src, left - amount);
}

async function total(conn: Conn) {
  const rows = await conn.fetch("SELECT balance FROM accounts");
  const sum = rows.reduce((s, r) => s + (r.get("balance") as number), 0);
  print(`total ${sum}`);
}

async function main() {
  const conn = await asyncpg.connect("postgresql://localhost/bank");
  await conn.execute("CREATE TABLE accounts (name TEXT PRIMARY KEY, balance INT)");
  await conn.execute("INSERT INTO accounts (name, balance) VALUES ('alice', 100), ('bob', 50)");
  await total(conn);
  for (const [src, dst, amount] of [
    ["alice", "bob", 30],
    ["bob", "alice", 500],
  ] as const) {
    try {
      await transfer(conn, src, dst, amount);
      print(`${src} -> ${dst}: ${amount} moved`);
    } catch (e) {
      if (e instanceof asyncio.CancelledError) throw e;
      print(`${src} -> ${dst}: failed, ${(e as Error).message}`);
    }
  }
  await total(conn);
  await conn.close();
}

asyncio.run(main);
