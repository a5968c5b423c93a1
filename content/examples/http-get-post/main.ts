import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

async function main() {
  await using session = new aiohttp.ClientSession();
  {
    const url = "https://httpbin.test/get";
    const params = { q: "asyncio" };
    await using resp = await session.get(url, { params });
    print(resp.status, resp.contentType);
    const body = (await resp.json()) as { args: object };
    print("args:", body.args);
  }
  {
    const data = { title: "Example", body: "Content" };
    const url = "https://httpbin.test/post";
    await using resp = await session.post(url, { json: data });
    const text = await resp.text();
    print(resp.status, text.length, "chars");
    const echoed = (await resp.json()) as { json: object };
    print("echoed:", echoed.json);
  }
}

asyncio.run(main);
