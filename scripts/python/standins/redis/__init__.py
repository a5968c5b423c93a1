"""Stand-in for redis-py: only `redis.asyncio` is simulated (see redis/asyncio/__init__.py)."""

__version__ = "5.0.0+simulated"
