import * as asyncio from "asyncio";
import { ContextVar } from "contextvars";

const user = new ContextVar<string>("user", { default: "system" });

function log(message: string): void {
  print(`${user.get()}: ${message}`);
}

class Refused extends Error {
  override name = "Refused";
}

async function runAs(name: string, job: () => Promise<void>): Promise<void> {
  const token = user.set(name);
  try {
    log(`starting ${job.name}`);
    await job();
  } finally {
    user.reset(token);
  }
}

async function backup(): Promise<void> {
  await asyncio.sleep(0.2);
  log("backed up 3 tables");
}

async function purge(): Promise<void> {
  await asyncio.sleep(0.1);
  throw new Refused("purge needs an admin");
}

async function main(): Promise<void> {
  await runAs("ada", backup);
  log("nightly check");
  try {
    await runAs("grace", purge);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    log(`refused: ${e.message}`);
  }
  log("done");
}

asyncio.run(main);
