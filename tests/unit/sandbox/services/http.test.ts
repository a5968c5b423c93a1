/**
 * The simulated HTTP client on the virtual clock: latency, connection limits, timeouts, seeded
 * failures, streaming, fetch.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as aiohttp from "../../../../src/sandbox/services/aiohttp.ts";
import { simFetch } from "../../../../src/sandbox/services/fetch.ts";
import { Random } from "../../../../src/sandbox/services/random.ts";
import * as simulated from "../../../../src/sandbox/services/simulated.ts";
import { asyncio, now, run } from "./helpers.ts";

test("a request takes the host's latency; /delay/N adds N seconds on the server", async () => {
  const { result } = await run(async () => {
    const session = new aiohttp.ClientSession();
    const times: number[] = [];
    await (await session.get("https://httpbin.test/get")).text();
    times.push(now());
    await (await session.get("https://httpbin.test/delay/2")).text();
    times.push(now());
    simulated.http({ latency: 0.5 });
    await (await session.get("https://httpbin.test/uuid")).text();
    times.push(now());
    simulated.http({ host: "httpbin.org", latency: 1 });
    await (await session.get("https://httpbin.org/uuid")).text();
    times.push(now());
    return times;
  });
  assert.deepEqual(result, [0.1, 2.2, 2.7, 3.7]);
});

test("a connector's limit makes requests wait for a free connection, first come first served", async () => {
  const rec = await run(async () => {
    const session = new aiohttp.ClientSession({
      connector: new aiohttp.TCPConnector({ limit: 2 }),
    });
    const one = async (i: number) => {
      const resp = await session.get(`https://httpbin.test/get?i=${i}`);
      await resp.text(); // the whole body read: the connection goes back
      return [i, now()];
    };
    return await asyncio.gather(...[0, 1, 2, 3, 4].map((i) => () => one(i)));
  });
  assert.deepEqual(rec.result, [
    [0, 0.1],
    [1, 0.1],
    [2, 0.2],
    [3, 0.2],
    [4, 0.3],
  ]);
  const waits = rec.events.filter((e) => JSON.stringify(e).includes("TCPConnector"));
  assert.ok(waits.length >= 3, "the waiting requests show as waiting on the connector");
});

test("limitPerHost bounds each host on its own", async () => {
  const { result } = await run(async () => {
    const connector = new aiohttp.TCPConnector({ limit: 0, limitPerHost: 1 });
    const session = new aiohttp.ClientSession({ connector });
    const one = async (url: string) => {
      await (await session.get(url)).read();
      return now();
    };
    return await asyncio.gather(
      () => one("https://httpbin.test/get"),
      () => one("https://httpbin.test/get"),
      () => one("https://httpbin.org/get"),
    );
  });
  assert.deepEqual(result, [0.1, 0.2, 0.1]);
});

test("a held response keeps its connection until released", async () => {
  const { result } = await run(async () => {
    const session = new aiohttp.ClientSession({
      connector: new aiohttp.TCPConnector({ limit: 1 }),
    });
    const first = await session.get("https://httpbin.test/get");
    const second = asyncio.createTask(async () => {
      await session.get("https://httpbin.test/get");
      return now();
    });
    await asyncio.sleep(1);
    first.release();
    return await second;
  });
  assert.equal(result, 1.2, "released at 1.1, then its own 0.1 s round trip");
});

test("ClientTimeout.total raises TimeoutError at the deadline and frees the connection", async () => {
  const { result } = await run(async () => {
    const connector = new aiohttp.TCPConnector({ limit: 1 });
    const session = new aiohttp.ClientSession({ connector });
    const out: unknown[] = [];
    try {
      await session.get("https://httpbin.test/delay/5", {
        timeout: new aiohttp.ClientTimeout({ total: 1 }),
      });
    } catch (e) {
      out.push(asyncio.pyRepr(e), e instanceof asyncio.TimeoutError, now());
    }
    out.push(connector.inUse);
    try {
      await session.get("https://httpbin.test/delay/1", { timeout: 0.5 });
    } catch (e) {
      out.push(now(), e instanceof aiohttp.ClientError);
    }
    return out;
  });
  assert.deepEqual(result, ["TimeoutError()", true, 1, 0, 1.5, false]);
});

test("ClientTimeout.connect bounds the wait for a connection: ConnectionTimeoutError", async () => {
  const { result } = await run(async () => {
    const session = new aiohttp.ClientSession({
      connector: new aiohttp.TCPConnector({ limit: 1 }),
      timeout: new aiohttp.ClientTimeout({ connect: 0.5 }),
    });
    const slow = asyncio.createTask(async () =>
      (await session.get("https://httpbin.test/delay/3")).read(),
    );
    await asyncio.sleep(0);
    try {
      await session.get("https://httpbin.test/get");
      return "no error";
    } catch (e) {
      slow.cancel();
      return [
        (e as Error).name,
        (e as Error).message,
        e instanceof aiohttp.ServerTimeoutError,
        e instanceof aiohttp.ClientError,
        e instanceof asyncio.TimeoutError,
        now(),
      ];
    }
  });
  assert.deepEqual(result, [
    "ConnectionTimeoutError",
    "Connection timeout to host https://httpbin.test/get",
    true,
    true,
    true,
    0.5,
  ]);
});

test("failures follow the seeded generator: the same requests fail on every run", async () => {
  const attempt = () =>
    run(async () => {
      simulated.http({ failureRate: 0.4, seed: 11 });
      const session = new aiohttp.ClientSession();
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i++) {
        try {
          await (await session.get("https://httpbin.test/get")).read();
          outcomes.push("ok");
        } catch (e) {
          assert.ok(e instanceof aiohttp.ServerDisconnectedError);
          outcomes.push("fail");
        }
      }
      return outcomes;
    });
  const a = (await attempt()).result!;
  const b = (await attempt()).result!;
  assert.deepEqual(a, b);
  const rng = new Random(11);
  const expected = a.map(() => (rng.random() < 0.4 ? "fail" : "ok"));
  assert.deepEqual(a, expected, "one draw per request, from random.Random(seed)");
  assert.ok(a.includes("fail") && a.includes("ok"));
});

test("jitter draws each request's extra latency from the same generator", async () => {
  const { result } = await run(async () => {
    simulated.http({ jitter: 0.2, seed: 5 });
    const session = new aiohttp.ClientSession();
    const start = asyncio.getRunningLoop().time();
    await (await session.get("https://httpbin.test/get")).read();
    return asyncio.getRunningLoop().time() - start;
  });
  const rng = new Random(5);
  const latency = 0.1 + rng.uniform(0, 0.2);
  assert.ok(Math.abs(result! - latency) < 1e-9);
});

test("a streamed body arrives part by part, streamInterval apart", async () => {
  const { result } = await run(async () => {
    const session = new aiohttp.ClientSession();
    const resp = await session.get("https://httpbin.test/bytes/2500");
    const seen: [number, number][] = [];
    for await (const chunk of resp.content.iterChunked(4096)) seen.push([chunk.length, now()]);
    return seen;
  });
  assert.deepEqual(result, [
    [1024, 0.1],
    [1024, 0.15],
    [452, 0.2],
  ]);
});

test("unknown hosts: ClientConnectorError; fetch reaches only the simulated network", async () => {
  const { result } = await run(async () => {
    const out: string[] = [];
    try {
      await new aiohttp.ClientSession().get("https://example.com/");
    } catch (e) {
      out.push(String((e as Error).message));
    }
    const ok = await simFetch("https://httpbin.test/json");
    out.push(`${ok.status} ${(await ok.text()).length}`);
    await simFetch("https://example.com/").catch((e: Error) =>
      out.push(`${e.name}: ${e.message.slice(0, 46)}`),
    );
    return out;
  });
  assert.deepEqual(result, [
    "Cannot connect to host example.com:443 ssl:default [Name or service not known]",
    "200 421",
    "TypeError: fetch failed: the sandbox has no network; only",
  ]);
});

test("raiseForStatus and json() raise aiohttp's errors", async () => {
  const { result } = await run(async () => {
    const session = new aiohttp.ClientSession();
    const out: string[] = [];
    const r404 = await session.get("https://httpbin.test/status/404");
    try {
      r404.raiseForStatus();
    } catch (e) {
      out.push(`${(e as aiohttp.ClientResponseError).status} ${(e as Error).message}`);
    }
    try {
      await (await session.get("https://httpbin.test/bytes/3")).json();
    } catch (e) {
      out.push((e as Error).name);
    }
    return out;
  });
  assert.deepEqual(result, [
    "404 404, message='Not Found', url='https://httpbin.test/status/404'",
    "ContentTypeError",
  ]);
});
