import asyncio
import unittest
from unittest.mock import AsyncMock

import testrun


async def download(client, url):
    """Downloads `url`. The client must be closed however this ends."""
    try:
        data = await client.get(url)
    except asyncio.CancelledError:
        return None
    await client.close()
    return data


class DownloadTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        async def hang(url):
            await asyncio.sleep(3600)

        self.client = AsyncMock()
        self.client.get.side_effect = hang

    async def test_cancel_propagates_and_closes(self):
        task = asyncio.create_task(download(self.client, "/big"))
        await asyncio.sleep(1)
        task.cancel()
        with self.assertRaises(asyncio.CancelledError):
            await task
        self.client.close.assert_awaited_once()

    async def test_timeout_raises_and_closes(self):
        with self.assertRaises(TimeoutError):
            await asyncio.wait_for(download(self.client, "/big"), 5)
        self.client.close.assert_awaited_once()


testrun.run(DownloadTests)
