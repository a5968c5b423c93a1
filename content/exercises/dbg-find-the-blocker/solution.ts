import * as asyncio from "asyncio";

async function fetchPrices(): Promise<string> {
  for (let attempt = 1; attempt < 4; attempt++) {
    await asyncio.sleep(0.1); // the request
    if (attempt === 3) return "prices: 3 tries";
    await asyncio.sleep(0.5); // back off before the next try
  }
  return "prices: gave up";
}

async function fetchNews(): Promise<string> {
  await asyncio.sleep(0.3);
  return "news: 1 try";
}

async function heartbeat() {
  for (let i = 0; i < 6; i++) {
    print(`beat ${i}`);
    await asyncio.sleep(0.25);
  }
}

async function main() {
  const beat = asyncio.createTask(heartbeat);
  const prices = asyncio.createTask(fetchPrices);
  const news = asyncio.createTask(fetchNews);
  print(await prices);
  print(await news);
  await beat;
}

asyncio.run(main, { debug: true });
