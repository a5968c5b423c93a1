import * as asyncio from "asyncio";

async function slowReport(): Promise<string> {
  try {
    await asyncio.sleep(30); // the report service is down
    return "the report";
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("report: cancelled");
    throw e;
  }
}

// A synchronous app, with a loop in a helper thread (here: beside this code).
const loop = asyncio.newEventLoop();
const thread = loop.runForever();

// The deadline goes to the loop's side: waitFor cancels the report there, and waits for its
// cancellation to finish, before the future gets its TimeoutError.
const future = asyncio.runCoroutineThreadsafe(() => asyncio.waitFor(slowReport, 1), loop);
try {
  print("got", await future.result());
} catch (e) {
  if (!(e instanceof asyncio.TimeoutError)) throw e;
  print("app: no report, carrying on");
}

loop.callSoonThreadsafe(() => loop.stop());
await thread;
print("app: done");
loop.close();
