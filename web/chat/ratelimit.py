"""Per-client rate limits of the chat (sliding window, in memory per web process).

Behind a load balancer with N web processes a client gets at most N times the limit; that
is enough to stop a flood, and needs no shared state."""

from __future__ import annotations

import threading
import time
from collections import deque


class SlidingWindowLimiter:
    """At most ``limit`` events per ``period`` seconds per key."""

    def __init__(self, limit: int, period: float, *, max_keys: int = 50_000) -> None:
        self.limit = limit
        self.period = period
        self.max_keys = max_keys
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> float:
        """Record one event; returns 0 when allowed, else the seconds until the next is allowed."""
        now = time.monotonic()
        with self._lock:
            events = self._events.get(key)
            if events is None:
                if len(self._events) >= self.max_keys:  # bound memory: forget the idle ones
                    self._events = {k: v for k, v in self._events.items() if v and v[-1] > now - self.period}
                events = self._events[key] = deque()
            while events and events[0] <= now - self.period:
                events.popleft()
            if len(events) >= self.limit:
                return max(0.1, events[0] + self.period - now)
            events.append(now)
            return 0.0
