import * as asyncio from "asyncio";
import * as asyncpg from "asyncpg";

const DSN = "postgresql://user:password@localhost/app";
const GET = "SELECT balance FROM accounts WHERE name = $1";
const SET = "UPDATE accounts SET balance = $1 WHERE name = $2";
type Conn = asyncpg.Connection;

async function balance(conn: Conn, name: string) {
  return (await conn.fetchval(GET, name)) as number;
}

async function setBalance(conn: Conn, name: string, amount: number) {
  await conn.execute(SET, amount, name);
}

async function transfer(conn: Conn, src: string, dst: string, amount: number) {
  await conn.transaction(async () => {
    const to = await balance(conn, dst);
    await setBalance(conn, dst, to + amount);
    const left = await balance(conn, src);
    if (left < amount) {
      throw new Error(`${src} has only ${left}`);
    }
    await setBalance(conn, src, left - amount);
  });
}

async function show(conn: Conn) {
  const rows = await conn.fetch("SELECT * FROM accounts ORDER BY name");
  const parts = rows.map((r) => `${r.get("name")} ${r.get("balance")}`);
  print(parts.join(", "));
}

async function main() {
  const conn = await asyncpg.connect(DSN);
  await conn.execute(
    `CREATE TABLE accounts
       (name TEXT PRIMARY KEY, balance INT)`,
  );
  await conn.execute(
    `INSERT INTO accounts (name, balance)
       VALUES ('alice', 100), ('bob', 50)`,
  );
  await transfer(conn, "alice", "bob", 30);
  await show(conn);
  try {
    await transfer(conn, "bob", "alice", 500);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) throw e;
    print(`rolled back: ${(e as Error).message}`);
  }
  await show(conn);
  await conn.close();
}

asyncio.run(main);
