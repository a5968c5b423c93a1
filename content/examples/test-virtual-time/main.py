import asyncio
import unittest
from unittest.mock import AsyncMock

import testrun


async def fetch_or_none(client, url, deadline=30):
    """Gives up on a slow server after `deadline` seconds."""
    try:
        async with asyncio.timeout(deadline):
            return await client.get(url)
    except TimeoutError:
        return None


async def worker(jobs, conn):
    """Sends jobs until it is cancelled; closes its connection however it ends."""
    try:
        while True:
            job = await jobs.get()
            await conn.send(job)
    finally:
        await conn.close()


class DeadlineTests(unittest.IsolatedAsyncioTestCase):
    async def test_gives_up_after_30_seconds(self):
        async def hang(url):
            await asyncio.sleep(3600)

        client = AsyncMock()
        client.get.side_effect = hang
        loop = asyncio.get_running_loop()
        start = loop.time()
        self.assertIsNone(await fetch_or_none(client, "/slow"))
        self.assertEqual(loop.time() - start, 30)
        print(f"gave up after {loop.time() - start:.1f} s of loop time")

    async def test_cancel_closes_the_connection(self):
        jobs = asyncio.Queue()
        conn = AsyncMock()
        task = asyncio.create_task(worker(jobs, conn))
        jobs.put_nowait("a")
        await asyncio.sleep(0.1)  # it sends "a", then waits for the next job
        task.cancel()
        with self.assertRaises(asyncio.CancelledError):
            await task  # let it finish
        conn.send.assert_awaited_once_with("a")
        conn.close.assert_awaited_once()
        print("cancelled, and the connection is closed")


testrun.run(DeadlineTests)
