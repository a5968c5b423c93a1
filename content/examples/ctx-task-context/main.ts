import * as asyncio from "asyncio";
import { Context, ContextVar } from "contextvars";

const requestId = new ContextVar<string>("request_id", { default: "-" });
const background = new Set<asyncio.Task<void>>();

function log(message: string): void {
  print(`[${requestId.get()}] ${message}`);
}

async function sendMetrics(): Promise<void> {
  log("sending metrics");
  await asyncio.sleep(0.3);
  log("metrics sent");
}

async function handle(rid: string): Promise<void> {
  const token = requestId.set(rid);
  try {
    log("handling");
    // Belongs to no request: start it in a new, empty context (3.11+).
    background.add(asyncio.createTask(sendMetrics, { context: new Context() }));
    await asyncio.sleep(0.1);
    log("handled");
  } finally {
    requestId.reset(token);
  }
}

async function main(): Promise<void> {
  await handle("req-7");
  log("back in main");
  await asyncio.gather(...background);
}

asyncio.run(main);
