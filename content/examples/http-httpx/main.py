import asyncio

import httpx

BASE = "https://httpbin.test"


async def main():
    async with httpx.AsyncClient(base_url=BASE) as client:
        resp = await client.get("/get", params={"q": "httpx"})
        # httpx has read the body already: no await
        print(resp.status_code, resp.json()["args"])

        resp = await client.post("/post", json={"n": 1})
        print(resp.status_code, resp.json()["json"])

        paths = ["/delay/1", "/uuid", "/status/418"]
        resps = await asyncio.gather(
            *(client.get(p) for p in paths)
        )
        print([r.status_code for r in resps])


asyncio.run(main())
