import * as asyncio from "asyncio";
import * as redis from "redis";

async function main() {
  // fromUrl is not awaited: it only sets up
  // the client; connections open on first use
  const r = redis.fromUrl("redis://localhost:6379", {
    decodeResponses: true,
  });
  const loop = asyncio.getRunningLoop();

  await r.set("session:42", "alice", { ex: 2 });
  print(await r.get("session:42"), await r.ttl("session:42"));

  let start = loop.time();
  for (let i = 0; i < 20; i++) {
    await r.set(`page:${i}`, `<p>${i}</p>`);
  }
  let took = loop.time() - start;
  print(`20 awaits: ${took.toFixed(2)}s`);

  start = loop.time();
  let results: unknown[];
  {
    await using pipe = r.pipeline();
    for (let i = 0; i < 20; i++) {
      pipe.set(`page:${i}`, `<p>${i}</p>`);
    }
    results = await pipe.execute();
  }
  took = loop.time() - start;
  const n = results.length;
  print(`1 pipeline: ${took.toFixed(2)}s, ${n} replies`);

  print(await r.mget("page:3", "page:7", "session:42"));
  await asyncio.sleep(2);
  print(await r.mget("page:3", "page:7", "session:42"));
  await r.aclose();
}

asyncio.run(main);
