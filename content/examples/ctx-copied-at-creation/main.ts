import * as asyncio from "asyncio";
import { ContextVar } from "contextvars";

const user = new ContextVar<string>("user", { default: "nobody" });

async function child(): Promise<void> {
  print(`child starts as ${user.get()}`);
  user.set("child");
  await asyncio.sleep(0.1);
  print(`child ends as ${user.get()}`);
}

async function logIn(name: string): Promise<void> {
  user.set(name);
}

async function main(): Promise<void> {
  user.set("ada");
  const task = asyncio.createTask(child);
  user.set("grace");
  await task;
  print(`main after the task: ${user.get()}`);
  await logIn("alan");
  print(`main after log_in: ${user.get()}`);
}

asyncio.run(main);
