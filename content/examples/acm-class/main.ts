import * as asyncio from "asyncio";

// JavaScript has no __aenter__: an async function does the set-up and
// returns an object whose [Symbol.asyncDispose] does the clean-up.
class AsyncContextManager implements AsyncDisposable {
  static async enter(): Promise<AsyncContextManager> {
    print("Entering context");
    // Set-up, e.g. opening a database connection.
    await asyncio.sleep(0.1);
    return new AsyncContextManager();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    print("Exiting context");
    // Clean-up, e.g. closing the connection.
    await asyncio.sleep(0.1);
  }
}

async function main() {
  {
    await using _ctx = await AsyncContextManager.enter();
    print("Inside the context");
    await asyncio.sleep(1);
  } // disposed here, when the block is left
  print("After the block");
}

asyncio.run(main);
