import * as asyncio from "asyncio";

async function sayAfterTime(delay: number, what: string): Promise<void> {
  await asyncio.sleep(delay);
  print(what);
}

async function main() {
  await sayAfterTime(1, "hello");
  await sayAfterTime(2, "world");
}

// JavaScript has no loop to drive by hand (the browser or Node runs it), and neither has this
// port. asyncio.run covers what the Python program does by hand (a fresh loop, main as Task-1
// until it is done, then the loop closed), and the clean-up the hand-driven form leaves out.
asyncio.run(main);
