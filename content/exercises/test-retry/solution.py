import asyncio
from unittest.mock import AsyncMock

import testrun


async def fetch_with_retry(client, url, attempts=3, backoff=1):
    """Tries up to `attempts` times, `backoff` seconds apart; raises the last error."""
    for attempt in range(1, attempts + 1):
        try:
            return await client.get(url)
        except ConnectionError:
            if attempt == attempts:
                raise
            await asyncio.sleep(backoff)


async def test_first_try():
    client = AsyncMock()
    client.get.return_value = "page"
    assert await fetch_with_retry(client, "/") == "page"
    client.get.assert_awaited_once_with("/")


async def test_third_try():
    client = AsyncMock()
    client.get.side_effect = [ConnectionError("a"), ConnectionError("b"), "page"]
    assert await fetch_with_retry(client, "/") == "page"
    assert client.get.await_count == 3


async def test_gives_up_with_the_last_error():
    client = AsyncMock()
    client.get.side_effect = ConnectionError("down")
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await fetch_with_retry(client, "/")
    except ConnectionError as e:
        print("raised:", e)
    else:
        raise AssertionError("nothing raised")
    assert client.get.await_count == 3
    waited = loop.time() - start
    assert waited == 2, f"waited {waited:.1f} s, not 2"


testrun.run(test_first_try, test_third_try, test_gives_up_with_the_last_error)
