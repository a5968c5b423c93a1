import * as asyncio from "asyncio";
import { ContextVar } from "contextvars";

const user = new ContextVar<string>("user", { default: "nobody" });

async function logIn(name: string): Promise<void> {
  user.set(name);
  print(`logged in as ${name}`);
}

async function show(item: string): Promise<void> {
  await asyncio.sleep(0.3); // the request
  print(`${item} of ${user.get()}`);
}

// A synchronous program: each call waits until its coroutine is done.
{
  await using runner = new asyncio.Runner();
  await runner.run(() => logIn("ada"));
  await runner.run(() => show("inbox"));
}
