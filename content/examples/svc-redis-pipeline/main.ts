import * as asyncio from "asyncio";
import * as redis from "redis";

async function main() {
  const r = redis.fromUrl("redis://localhost:6379", { decodeResponses: true });
  const loop = asyncio.getRunningLoop();

  await r.set("user:1", "Alice", { ex: 3600 });
  print(await r.get("user:1"), await r.ttl("user:1"));

  let start = loop.time();
  for (let i = 0; i < 10; i++) {
    await r.set(`one:${i}`, i);
  }
  print(`10 commands, one at a time: ${(loop.time() - start).toFixed(2)}s`);

  start = loop.time();
  const pipe = r.pipeline();
  for (let i = 0; i < 10; i++) {
    pipe.set(`batch:${i}`, i);
  }
  const results = await pipe.execute();
  const ok = results.filter((x) => x === true).length;
  print(`10 commands in a pipeline: ${(loop.time() - start).toFixed(2)}s, ${ok} OK`);

  await r.set("session", "active", { ex: 1 });
  print(await r.mget("session", "batch:3", "missing"));
  await asyncio.sleep(1);
  print(await r.mget("session", "batch:3", "missing"));
  await r.aclose();
}

asyncio.run(main);
