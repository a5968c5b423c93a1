import * as asyncio from "asyncio";

// Three mirrors serve the same file; each answers after its own delay.
async function download(mirror: string, seconds: number): Promise<string> {
  await asyncio.sleep(seconds);
  return `${mirror}: 200 OK`;
}

async function main() {
  const tasks = [
    asyncio.createTask(() => download("mirror-a", 1.5), { name: "mirror-a" }),
    asyncio.createTask(() => download("mirror-b", 0.4), { name: "mirror-b" }),
    asyncio.createTask(() => download("mirror-c", 2.0), { name: "mirror-c" }),
  ];
  // Return as soon as one is done; the others are still pending.
  const { done, pending } = await asyncio.wait(tasks, {
    returnWhen: asyncio.FIRST_COMPLETED,
  });
  for (const task of pending) task.cancel(); // wait never cancels: we do
  for (const task of done) print(task.result());
  await asyncio.wait(pending); // let the cancellations finish
}

asyncio.run(main);
