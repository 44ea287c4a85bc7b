"""The project's Redis cache backend keeps one redis client per connection pool."""

import os
import uuid

import pytest

from foundation.cache import ResilientRedisCache

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="REDIS_URL tidak diset: tanpa Redis nyata"
)


def test_one_client_per_pool_and_it_still_reads_and_writes():
    cache = ResilientRedisCache(
        os.environ["REDIS_URL"], {"KEY_PREFIX": f"t-{uuid.uuid4().hex[:8]}"}
    )
    cache.set("a", {"nilai": 1}, 30)
    assert cache.get("a") == {"nilai": 1}
    assert cache.get_many(["a", "b"]) == {"a": {"nilai": 1}}
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.delete("a")
    assert cache.get("a") is None
