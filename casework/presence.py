"""Who has a consultation open right now ("Anna bearbeitet diesen Fall gerade", issue 14).

The case page sends a heartbeat every ``HEARTBEAT_SECONDS``; an entry expires ``TTL_SECONDS``
after its last heartbeat (a closed tab disappears by itself). The registry holds only the
reference, the login name and the display name — nothing of the case.

Like the live bus (``casework.live``) the registry is a value of the runtime
(``Runtime.presence``): in-process here (``LocalPresence``, the embedded default of
``eingang serve``), a Redis sorted set per consultation (member = login name, score = expiry)
plus a hash of display names, both with a TTL, when Redis is configured (``RedisPresence``).
Best effort: an unreachable Redis only means nobody is shown."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Protocol, cast

import redis

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 15
TTL_SECONDS = 45


@dataclass(frozen=True)
class Viewer:
    username: str
    display_name: str


class Presence(Protocol):
    def touch(self, reference: str, username: str, display_name: str, *, now: float | None = None) -> None: ...

    def leave(self, reference: str, username: str) -> None: ...

    def viewers(self, reference: str, *, now: float | None = None) -> list[Viewer]: ...


class LocalPresence:
    """A dict in this process: reference → login name → (display name, expiry)."""

    def __init__(self, ttl: float = TTL_SECONDS) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._entries: dict[str, dict[str, tuple[str, float]]] = {}

    def touch(self, reference: str, username: str, display_name: str, *, now: float | None = None) -> None:
        now = time.time() if now is None else now
        with self._lock:
            self._entries.setdefault(reference, {})[username] = (display_name, now + self.ttl)

    def leave(self, reference: str, username: str) -> None:
        with self._lock:
            entries = self._entries.get(reference, {})
            entries.pop(username, None)
            if not entries:
                self._entries.pop(reference, None)

    def viewers(self, reference: str, *, now: float | None = None) -> list[Viewer]:
        now = time.time() if now is None else now
        with self._lock:
            entries = self._entries.get(reference, {})
            for username in [name for name, (_, expires) in entries.items() if expires <= now]:
                del entries[username]
            if not entries:
                self._entries.pop(reference, None)
            found = [Viewer(name, shown) for name, (shown, _) in entries.items()]
        return sorted(found, key=lambda viewer: viewer.display_name.casefold())


class RedisPresence:
    """``<namespace>:presence:<reference>`` (sorted set, score = expiry) and
    ``<namespace>:presence-names:<reference>`` (hash); both expire with the last heartbeat."""

    def __init__(self, client: redis.Redis, namespace: str, ttl: float = TTL_SECONDS) -> None:
        self.client = client
        self.namespace = namespace
        self.ttl = ttl

    @classmethod
    def from_url(cls, url: str, namespace: str) -> RedisPresence:
        return cls(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2), namespace)

    def _keys(self, reference: str) -> tuple[str, str]:
        return f"{self.namespace}:presence:{reference}", f"{self.namespace}:presence-names:{reference}"

    def touch(self, reference: str, username: str, display_name: str, *, now: float | None = None) -> None:
        now = time.time() if now is None else now
        members, names = self._keys(reference)
        try:
            pipe = self.client.pipeline()
            pipe.zadd(members, {username: now + self.ttl})
            pipe.hset(names, username, display_name)
            pipe.expire(members, int(self.ttl) + 1)
            pipe.expire(names, int(self.ttl) + 1)
            pipe.execute()
        except redis.RedisError:
            logger.warning("presence heartbeat for %s not stored", reference, exc_info=True)

    def leave(self, reference: str, username: str) -> None:
        members, names = self._keys(reference)
        try:
            pipe = self.client.pipeline()
            pipe.zrem(members, username)
            pipe.hdel(names, username)
            pipe.execute()
        except redis.RedisError:
            logger.warning("presence of %s not removed", reference, exc_info=True)

    def viewers(self, reference: str, *, now: float | None = None) -> list[Viewer]:
        now = time.time() if now is None else now
        members, names = self._keys(reference)
        try:
            expired = self.client.zrangebyscore(members, "-inf", now)
            pipe = self.client.pipeline()
            pipe.zremrangebyscore(members, "-inf", now)
            if expired:
                pipe.hdel(names, *expired)
            pipe.execute()
            current = [self._text(name) for name in cast(list, self.client.zrangebyscore(members, f"({now}", "+inf"))]
            shown = self.client.hmget(names, current) if current else []
        except redis.RedisError:
            logger.warning("presence of %s not read", reference, exc_info=True)
            return []
        found = [
            Viewer(name, self._text(display) if display else name) for name, display in zip(current, shown, strict=True)
        ]
        return sorted(found, key=lambda viewer: viewer.display_name.casefold())

    @staticmethod
    def _text(value: bytes | str) -> str:
        return value.decode() if isinstance(value, bytes) else value




def build_presence(redis_url: str | None, namespace: str) -> Presence:
    """Redis with Redis configured (shared by all web processes); otherwise this process's own."""
    return RedisPresence.from_url(redis_url, namespace) if redis_url else LocalPresence()


def sentence(names: list[str]) -> str:
    """The line shown: "Anna bearbeitet diesen Fall gerade", "Anna und Ben bearbeiten …", "" for nobody."""
    if not names:
        return ""
    if len(names) == 1:
        return f"{names[0]} bearbeitet diesen Fall gerade"
    return f"{', '.join(names[:-1])} und {names[-1]} bearbeiten diesen Fall gerade"
