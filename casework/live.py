"""Live events: "a consultation was created or changed", for the open inboxes and case pages
(``web.live`` streams them as server-sent events). ``publish`` is called after the commit of
the change; an event carries only the reference, the kind and the actor — never content.

The bus is a value of the runtime (``Runtime.events``): in-process fan-out here
(``LocalEvents``: the web app and the embedded worker of ``eingang serve`` share the process),
Redis pub/sub across processes (``queue_workers.events.RedisEvents``). Best effort: a lost
event only means a page updates on its next load."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Protocol

logger = logging.getLogger(__name__)


class Subscription(Protocol):
    def get(self, timeout: float) -> dict | None: ...


class EventBus(Protocol):
    def publish(self, event: dict) -> None: ...

    def subscribe(self) -> Iterator[Subscription]: ...  # a context manager


class _LocalSubscription:
    def __init__(self) -> None:
        self.queue: queue.Queue[dict] = queue.Queue(maxsize=1000)

    def get(self, timeout: float) -> dict | None:
        try:
            return self.queue.get(timeout=timeout) if timeout > 0 else self.queue.get_nowait()
        except queue.Empty:
            return None


class LocalEvents:
    """Fan-out to the subscribers of this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscribers: set[_LocalSubscription] = set()

    def publish(self, event: dict) -> None:
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            with suppress(queue.Full):  # a stalled page: it reloads on reconnect anyway
                subscriber.queue.put_nowait(event)

    @contextmanager
    def subscribe(self):
        subscription = _LocalSubscription()
        with self._lock:
            self._subscribers.add(subscription)
        try:
            yield subscription
        finally:
            with self._lock:
                self._subscribers.discard(subscription)


DEFAULT_EVENTS = LocalEvents()
KINDS = ("created", "changed")


def publish(bus: EventBus | None, *, kind: str, reference: str, actor: str = "system") -> None:
    """Tell the open pages that ``reference`` was created or changed (after the commit)."""
    event = {"kind": kind if kind in KINDS else "changed", "reference": reference, "actor": actor}
    try:
        (bus or DEFAULT_EVENTS).publish(event)
    except Exception:  # never let a notification break the change that was already committed
        logger.warning("live event for %s not published", reference, exc_info=True)
