"""Django's Redis cache, with one client object per connection pool.

Django builds a new ``redis.Redis`` for every cache call, and redis-py's constructor fills
a table of ~170 response callbacks each time: about a quarter of the cost of serving a
cached page. A client is safe to share (it takes a connection from the pool per command),
so each pool keeps one.
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
