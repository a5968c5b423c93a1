import * as asyncio from "asyncio";

const BASE = "https://httpbin.test";

async function main() {
  let resp = await fetch(`${BASE}/get?q=httpx`);
  // fetch has not read the body yet: await it
  const got = (await resp.json()) as { args: object };
  print(resp.status, got.args);

  resp = await fetch(`${BASE}/post`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ n: 1 }),
  });
  const sent = (await resp.json()) as { json: object };
  print(resp.status, sent.json);

  const paths = ["/delay/1", "/uuid", "/status/418"];
  const resps = await asyncio.gather(...paths.map((p) => () => fetch(BASE + p)));
  print(resps.map((r) => r.status));
}

asyncio.run(main);
