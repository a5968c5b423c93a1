import * as asyncio from "asyncio";

function resizeImage(name: string): string {
  asyncio.blockingSleep(0.25); // blocking work: the whole loop stops here
  return `${name} resized`;
}

async function upload(name: string) {
  print(`uploading ${name}`);
  await asyncio.sleep(0.1);
  print(resizeImage(name));
}

async function heartbeat() {
  for (let i = 0; i < 3; i++) {
    print("still alive");
    await asyncio.sleep(0.1);
  }
}

async function main() {
  const beat = asyncio.createTask(heartbeat);
  await upload("cat.png");
  await beat;
}

asyncio.run(main, { debug: true });
