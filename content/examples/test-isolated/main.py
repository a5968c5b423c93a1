import asyncio
import unittest

import testrun  # the site's runner, with pytest's summary


class Database:
    """A stand-in for a real client: connecting, querying and closing take time."""

    async def connect(self):
        await asyncio.sleep(0.1)
        print("connected")

    async def fetch_user(self, user_id):
        await asyncio.sleep(0.05)
        return {"id": user_id, "name": "Ada"}

    async def close(self):
        await asyncio.sleep(0.1)
        print("closed")


async def heartbeat():
    try:
        while True:
            await asyncio.sleep(1)
            print("heartbeat")
    except asyncio.CancelledError:
        print("heartbeat cancelled")
        raise


class UserTests(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.db = Database()
        await self.db.connect()
        self.addAsyncCleanup(self.db.close)

    async def asyncTearDown(self):
        print("tearDown")

    async def test_fetch_user(self):
        user = await self.db.fetch_user(7)
        self.assertEqual(user["name"], "Ada")

    async def test_leaves_a_task_running(self):
        asyncio.create_task(heartbeat())
        await asyncio.sleep(2.5)
        print("test done")


testrun.run(UserTests)
