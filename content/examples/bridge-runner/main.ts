import * as asyncio from "asyncio";
import { ContextVar } from "contextvars";

const user = new ContextVar<string>("user", { default: "nobody" });

async function logIn(name: string): Promise<void> {
  await asyncio.sleep(0.2); // the server checks the password
  user.set(name);
  asyncio.createTask(keepAlive);
  print(`logged in as ${name}`);
}

async function keepAlive(): Promise<never> {
  for (;;) {
    await asyncio.sleep(0.5);
    print("keep-alive ping");
  }
}

async function fetch(item: string): Promise<string> {
  await asyncio.sleep(0.4);
  return `${item} of ${user.get()}`;
}

// The program's own code is plain and synchronous; each runner.run is a call that waits.
{
  await using runner = new asyncio.Runner();
  await runner.run(() => logIn("ada"));
  print("got", await runner.run(() => fetch("inbox")));
  asyncio.blockingSleep(1); // synchronous work: the loop is not running now
  print("got", await runner.run(() => fetch("calendar")));
}
