import * as aiofiles from "aiofiles";
import * as aiohttp from "aiohttp";
import * as asyncio from "asyncio";

async function download(session: aiohttp.ClientSession, url: string, path: string) {
  let size = 0;
  {
    await using resp = await session.get(url);
    print("status", resp.status, "- body still coming");
    await using f = await aiofiles.open(path, "wb");
    for await (const chunk of resp.content.iterChunked(1024)) {
      await f.write(chunk);
      size += chunk.length;
      print(`got ${chunk.length} bytes`);
    }
  }
  print(`saved ${size} bytes to ${path}`);
}

async function main() {
  await using session = new aiohttp.ClientSession();
  const url = "https://httpbin.test/bytes/4500";
  await download(session, url, "data.bin");
}

asyncio.run(main);
