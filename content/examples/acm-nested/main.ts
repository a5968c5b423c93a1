import * as asyncio from "asyncio";

class Resource {
  name: string;
  constructor(name: string) {
    this.name = name;
  }

  async aenter(): Promise<this> {
    await asyncio.sleep(0.1); // e.g. connecting
    print(`open ${this.name}`);
    return this;
  }

  async aexit(exc: unknown): Promise<boolean> {
    // E.g. saying goodbye to the server.
    await asyncio.sleep(0.1);
    const seen = exc instanceof Error ? exc.name : "no error";
    print(`close ${this.name} (${seen})`);
    return false; // do not suppress: the error goes on
  }
}

// What `async with cm as value:` does (PEP 492), spelled out: the exit method
// sees the block's error, and returning true swallows it.
async function asyncWith<T>(
  cm: { aenter(): Promise<T>; aexit(exc: unknown): Promise<boolean> },
  body: (value: T) => Promise<void>,
): Promise<void> {
  const value = await cm.aenter();
  try {
    await body(value);
  } catch (e) {
    if (!(await cm.aexit(e))) throw e;
    return;
  }
  await cm.aexit(null);
}

async function main() {
  try {
    // Two managers in one `async with` nest: the second is inside the first.
    await asyncWith(new Resource("session"), (session) =>
      asyncWith(new Resource("transaction"), async (tx) => {
        print(`using ${session.name} and ${tx.name}`);
        throw new asyncio.ValueError("bad row");
      }),
    );
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(`main caught ValueError: ${e.message}`);
  }
}

asyncio.run(main);
