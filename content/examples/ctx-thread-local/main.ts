import * as asyncio from "asyncio";

// JavaScript has one thread here, so Python's threading.local()
// on the loop's thread is simply one object that every task shares.
const local: { requestId?: string } = {};

async function handle(rid: string, seconds: number): Promise<void> {
  local.requestId = rid;
  await asyncio.sleep(seconds);
  print(`${rid} finishing, threading.local says ${local.requestId}`);
}

async function main(): Promise<void> {
  await asyncio.gather(
    () => handle("req-1", 0.2),
    () => handle("req-2", 0.1),
  );
}

asyncio.run(main);
