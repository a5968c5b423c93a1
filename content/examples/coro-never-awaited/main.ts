import * as asyncio from "asyncio";

async function sendEmail(to: string) {
  print(`sending email to ${to}`);
  await asyncio.sleep(1);
  print(`email sent to ${to}`);
}

async function main() {
  // Python's send_email(...) without await: a coroutine object nobody runs. A bare
  // sendEmail(...) in JS would start sending at once, so here the call is made lazy.
  new asyncio.Lazy(() => sendEmail("alice@example.com"));
  print("order placed");
  await sendEmail("bob@example.com");
  print("done");
}

asyncio.run(main);
