"""Dramatiq's dead-letter queue, readable for operators: messages whose retries ran out.

On Redis, dramatiq keeps them in ``<namespace>:<queue>.XQ`` (ids by time) and
``<namespace>:<queue>.XQ.msgs`` (id → message) until ``dead_message_ttl``; the in-process
``StubBroker`` keeps them in ``broker.dead_letters``. The database still knows each such
message (``processing_retries_exhausted``): ``received`` with its error and a backoff in
``retry_at`` — the sweeper retries it — until ``EINGANG_RETRY_HORIZON_HOURS``, then ``failed``;
requeueing sends it again."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

import dramatiq
from dramatiq.brokers.redis import RedisBroker

QUEUE = "eingang"


@dataclass(frozen=True)
class DeadLetter:
    message_id: str
    actor: str
    args: list
    dead_at: datetime | None
    retries: int
    error: str

    def as_dict(self) -> dict:
        return {
            "message_id": self.message_id,
            "actor": self.actor,
            "args": self.args,
            "dead_at": self.dead_at.isoformat() if self.dead_at else None,
            "retries": self.retries,
            "error": self.error,
        }


_EXCEPTION_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt|Timeout)\b.*")


def exception_line(traceback: str) -> str:
    """The ``Type: message`` line of a formatted traceback (not SQLAlchemy's trailing hints)."""
    lines = [line for line in (traceback or "").strip().splitlines() if _EXCEPTION_LINE.match(line)]
    if lines:
        return lines[-1]
    stripped = (traceback or "").strip()
    return stripped.splitlines()[-1] if stripped else ""


def _from_data(data: dict, dead_at: datetime | None) -> DeadLetter:
    options = data.get("options") or {}
    return DeadLetter(
        message_id=data.get("message_id", ""),
        actor=data.get("actor_name", ""),
        args=list(data.get("args") or []),
        dead_at=dead_at,
        retries=int(options.get("retries", 0)),
        error=exception_line(options.get("traceback") or ""),
    )


def _keys(broker: RedisBroker, queue: str) -> tuple[str, str]:
    base = f"{broker.namespace}:{queue}.XQ"
    return base, f"{base}.msgs"


def list_dead_letters(broker: dramatiq.Broker, *, queue: str = QUEUE) -> list[DeadLetter]:
    """Dead-lettered messages of ``queue``, oldest first."""
    if isinstance(broker, RedisBroker):
        ids_key, msgs_key = _keys(broker, queue)
        letters = []
        # redis-py types a reply for every client kind and command shape; a sync ZRANGE is a list
        scored = cast("list[tuple[bytes, float]]", broker.client.zrange(ids_key, 0, -1, withscores=True))
        for message_id, score in scored:
            raw = broker.client.hget(msgs_key, message_id)
            if raw is None:
                continue
            letters.append(_from_data(json.loads(raw), datetime.fromtimestamp(score / 1000, UTC)))
        return letters
    return [_from_data(message.asdict(), None) for message in getattr(broker, "dead_letters", [])]


def requeue_dead_letters(broker: dramatiq.Broker, *, queue: str = QUEUE) -> int:
    """Send every dead-lettered message again (fresh retry count) and remove it from the DLQ."""
    count = 0
    if isinstance(broker, RedisBroker):
        ids_key, msgs_key = _keys(broker, queue)
        for message_id in cast("list[bytes]", broker.client.zrange(ids_key, 0, -1)):  # see list_dead_letters
            raw = broker.client.hget(msgs_key, message_id)
            if raw is not None:
                data = json.loads(raw)
                broker.get_actor(data["actor_name"]).send(*data.get("args") or [], **data.get("kwargs") or {})
                count += 1
            broker.client.zrem(ids_key, message_id)
            broker.client.hdel(msgs_key, message_id)
        return count
    for message in list(getattr(broker, "dead_letters", [])):
        broker.get_actor(message.actor_name).send(*message.args, **message.kwargs)
        count += 1
    for letters in getattr(broker, "dead_letters_by_queue", {}).values():
        letters.clear()  # in place: the stub's consumers hold references to these lists
    return count
