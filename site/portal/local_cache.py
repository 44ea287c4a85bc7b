"""The page cache's in-process tier: the hottest pages kept in each worker's memory.

A hit from here costs no Redis round trip and no unpickling. Every entry belongs to the
page-cache generation this process last read from Redis; that number is read again at
most once per ``check_seconds``, and a new one empties the tier. So after a publish in
another process, a worker serves an old page for at most ``check_seconds`` (a publish in
this process empties it at once). Memory is bounded: least recently used entries go
first once the bodies held pass ``max_bytes``.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class LocalTier:
    def __init__(
        self,
        *,
        max_bytes: int,
        check_seconds: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.max_bytes = max_bytes
        self.check_seconds = check_seconds
        self.clock = clock
        self.generation: int | None = None
        self._checked_at = float("-inf")
        self._entries: OrderedDict[str, tuple[Any, int]] = OrderedDict()
        self.size = 0

    def fresh(self) -> bool:
        """The generation was read from Redis less than ``check_seconds`` ago."""
        return self.generation is not None and self.clock() - self._checked_at < self.check_seconds

    def observe(self, generation: int) -> None:
        """The generation just read from Redis: a new one drops every entry."""
        if generation != self.generation:
            self.clear()
            self.generation = generation
        self._checked_at = self.clock()

    def forget(self) -> None:
        """Drop everything and read the generation again on the next request (a publish
        in this process)."""
        self.clear()
        self.generation = None
        self._checked_at = float("-inf")

    def clear(self) -> None:
        self._entries.clear()
        self.size = 0

    def get(self, key: str) -> Any:
        found = self._entries.get(key)
        if found is None:
            return None
        self._entries.move_to_end(key)
        return found[0]

    def put(self, key: str, entry: Any, size: int, generation: int) -> None:
        """Keep ``entry`` if it belongs to the generation this tier holds and is small
        enough to be worth a slot (an eighth of the budget at most)."""
        if generation != self.generation or size > self.max_bytes // 8:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= old[1]
        self._entries[key] = (entry, size)
        self.size += size
        while self.size > self.max_bytes:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.size -= dropped

    def __len__(self) -> int:
        return len(self._entries)
