"""Live events across processes: Redis pub/sub on ``<namespace>:live`` (workers publish, each
web process subscribes per open page). See ``casework.live``."""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager

import redis

from eingang.settings import Settings

logger = logging.getLogger(__name__)


class _RedisSubscription:
    def __init__(self, pubsub) -> None:
        self.pubsub = pubsub

    def get(self, timeout: float) -> dict | None:
        message = self.pubsub.get_message(ignore_subscribe_messages=True, timeout=timeout)
        if not message or message.get("type") != "message":
            return None
        try:
            event = json.loads(message["data"])
        except (ValueError, TypeError):
            return None
        return event if isinstance(event, dict) else None


class RedisEvents:
    def __init__(self, url: str, namespace: str) -> None:
        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=2)
        self.channel = f"{namespace}:live"

    def publish(self, event: dict) -> None:
        self.client.publish(self.channel, json.dumps(event))

    @contextmanager
    def subscribe(self):
        pubsub = self.client.pubsub()
        pubsub.subscribe(self.channel)
        try:
            yield _RedisSubscription(pubsub)
        finally:
            try:
                pubsub.close()
            except redis.RedisError:
                logger.debug("closing the live subscription failed", exc_info=True)


def build_events(settings: Settings):
    """Redis pub/sub with Redis configured; otherwise None (the in-process bus)."""
    return RedisEvents(settings.redis_url, settings.redis_namespace) if settings.redis_url else None
