import * as asyncio from "asyncio";
import { ContextVar } from "contextvars";

const requestId = new ContextVar<string>("request_id", { default: "-" });

function log(message: string): void {
  print(`[${requestId.get()}] ${message}`);
}

async function handle(rid: string, seconds: number): Promise<void> {
  requestId.set(rid);
  log("started");
  await asyncio.sleep(seconds);
  log(`finished after ${seconds} s`);
}

async function main(): Promise<void> {
  log("main starts");
  await asyncio.gather(
    () => handle("req-1", 0.2),
    () => handle("req-2", 0.1),
  );
  log("main ends");
}

asyncio.run(main);
