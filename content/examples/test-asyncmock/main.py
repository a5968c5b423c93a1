import asyncio
from unittest.mock import AsyncMock

import testrun


# The code under test: it talks to an HTTP client that has async methods.
async def get_profile(client, user_id):
    try:
        return await client.get(f"/users/{user_id}")
    except ConnectionError:
        await asyncio.sleep(1)  # one retry, a second later
        return await client.get(f"/users/{user_id}")


async def rename(client, user_id, name):
    client.post(f"/users/{user_id}", {"name": name})  # bug: never awaited
    return name


# The tests: an AsyncMock stands in for the client.
async def test_returns_the_profile():
    client = AsyncMock()
    client.get.return_value = {"name": "Ada"}
    assert await get_profile(client, 7) == {"name": "Ada"}
    client.get.assert_awaited_once_with("/users/7")


async def test_retries_once_after_a_connection_error():
    client = AsyncMock()
    client.get.side_effect = [ConnectionError("reset"), {"name": "Ada"}]
    assert await get_profile(client, 7) == {"name": "Ada"}
    assert client.get.await_count == 2


async def test_gives_up_after_the_retry():
    client = AsyncMock()
    client.get.side_effect = ConnectionError("down")
    try:
        await get_profile(client, 7)
    except ConnectionError as e:
        print("raised:", e)
    assert client.get.await_count == 2


async def test_slow_server():
    async def slow_get(url):
        await asyncio.sleep(2)
        return {"name": "Ada", "url": url}

    client = AsyncMock()
    client.get.side_effect = slow_get
    print(await get_profile(client, 7))


async def test_rename_saves_the_name():
    client = AsyncMock()
    assert await rename(client, 7, "Grace") == "Grace"
    client.post.assert_awaited_once_with("/users/7", {"name": "Grace"})


testrun.run(
    test_returns_the_profile,
    test_retries_once_after_a_connection_error,
    test_gives_up_after_the_retry,
    test_slow_server,
    test_rename_saves_the_name,
)
