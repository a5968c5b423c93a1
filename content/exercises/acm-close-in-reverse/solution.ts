import * as asyncio from "asyncio";

// One layer of a connection stack. Closing a layer says goodbye through the
// layer below it, so that layer must still be open.
class Layer implements AsyncDisposable {
  name: string;
  below: Layer | null;
  closed = false;
  constructor(name: string, below: Layer | null) {
    this.name = name;
    this.below = below;
  }

  static async open(name: string, below: Layer | null): Promise<Layer> {
    await asyncio.sleep(0.1);
    print(`open ${name}`);
    return new Layer(name, below);
  }

  async close(): Promise<void> {
    if (this.below?.closed) {
      print(`${this.name}: cannot say goodbye, ${this.below.name} is already closed`);
      return;
    }
    await asyncio.sleep(0.1);
    this.closed = true;
    print(`close ${this.name}`);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

async function main(): Promise<void> {
  // `await using` disposes in reverse order of declaration, as nested
  // `async with` blocks (or an AsyncExitStack) exit in Python.
  await using connection = await Layer.open("connection", null);
  await using session = await Layer.open("session", connection);
  await using _transaction = await Layer.open("transaction", session);
  print("work done");
}

asyncio.run(main);
