"""Slowing down password guessing without letting anyone lock an account.

Wrong passwords are counted per (account, client address) and per client address. After the
free attempts, every further attempt has to wait — 1 s, 2 s, 4 s, … up to a maximum — and an
attempt during the wait is refused (429) without checking the password. Nothing is counted
per account alone: an attacker hammering an account from one address slows only himself, the
account's owner logs in from her own machine as usual. A successful login clears the count
of that account and client; counts are forgotten after a quiet period of twice the longest
delay. The client address is the connection's peer, or what a trusted proxy forwarded
(web.proxies) — a forged ``X-Forwarded-For`` header makes no new client.

The state lives in the memory of the web process (``eingang serve`` runs one), bounded in size."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass


@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0
    blocked_until: float = 0.0


class Backoff:
    """Failures per key; after ``free`` of them each further one blocks the key for a doubling time."""

    def __init__(self, *, free: int, max_delay: float, base_delay: float = 1.0, max_keys: int = 100_000) -> None:
        self.free = free
        self.max_delay = max_delay
        self.base_delay = base_delay
        self.max_keys = max_keys
        self._keys: dict[str, _Failures] = {}
        self._lock = threading.Lock()

    def _current(self, key: str, now: float) -> _Failures | None:
        entry = self._keys.get(key)
        if entry is not None and now - entry.last > 2 * self.max_delay and now >= entry.blocked_until:
            del self._keys[key]  # quiet long enough: forgiven
            return None
        return entry

    def wait_seconds(self, key: str) -> float:
        """0 when an attempt is allowed now, else the seconds until it is."""
        now = time.monotonic()
        with self._lock:
            entry = self._current(key, now)
            return max(0.0, entry.blocked_until - now) if entry else 0.0

    def failed(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            entry = self._current(key, now)
            if entry is None:
                if len(self._keys) >= self.max_keys:  # bound memory: forget the oldest half
                    oldest = sorted(self._keys, key=lambda k: self._keys[k].last)[: self.max_keys // 2]
                    for old in oldest:
                        del self._keys[old]
                entry = self._keys[key] = _Failures()
            entry.count += 1
            entry.last = now
            beyond = entry.count - self.free
            if beyond > 0:
                delay = min(self.max_delay, self.base_delay * 2 ** min(beyond - 1, 40))
                entry.blocked_until = now + delay

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._keys.pop(key, None)


class LoginThrottle:
    """Per (account, client) and per client; see the module docstring."""

    def __init__(self, *, free_attempts: int = 5, client_free_attempts: int = 50, max_delay: float = 900.0) -> None:
        self.per_account_client = Backoff(free=free_attempts, max_delay=max_delay)
        self.per_client = Backoff(free=client_free_attempts, max_delay=max_delay)

    @classmethod
    def from_settings(cls, settings) -> LoginThrottle:
        return cls(
            free_attempts=settings.web_login_free_attempts,
            client_free_attempts=settings.web_login_client_free_attempts,
            max_delay=settings.web_login_max_delay_seconds,
        )

    @staticmethod
    def _pair(username: str, client: str) -> str:
        return f"{username.strip().lower()}\x00{client}"

    def wait_seconds(self, username: str, client: str) -> float:
        return max(
            self.per_account_client.wait_seconds(self._pair(username, client)), self.per_client.wait_seconds(client)
        )

    def failed(self, username: str, client: str) -> None:
        self.per_account_client.failed(self._pair(username, client))
        self.per_client.failed(client)

    def succeeded(self, username: str, client: str) -> None:
        self.per_account_client.succeeded(self._pair(username, client))
