import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

async function fetchData(session: aiohttp.ClientSession, url: string) {
  await using response = await session.get(url);
  const data = (await response.json()) as { slideshow: { title: string } };
  print(`GET ${url}: ${response.status}`);
  return data;
}

async function sendData(session: aiohttp.ClientSession, url: string, data: object) {
  await using response = await session.post(url, { json: data });
  const echoed = (await response.json()) as { json: unknown };
  print(`POST ${url}: ${response.status}`);
  return echoed.json;
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const slides = await fetchData(session, "https://httpbin.test/json");
  print(slides.slideshow.title);
  const sent = await sendData(session, "https://httpbin.test/post", {
    title: "Example",
    body: "Content",
  });
  print(sent);
}

asyncio.run(main);
