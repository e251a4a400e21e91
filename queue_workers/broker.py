"""The one place that configures dramatiq's broker, and the task queue on it.

``EINGANG_REDIS_URL`` set → ``RedisBroker`` (production, ``eingang worker``);
unset → an in-process ``StubBroker`` whose worker runs inside ``eingang serve``.

``BrokerTaskQueue`` is the runtime's ``casework.runtime.TaskQueue``: it sends by actor name, so
nothing that enqueues needs the actors (declared per runtime in ``queue_workers.actors``)."""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import (
    AgeLimit,
    Callbacks,
    Middleware,
    Pipelines,
    Retries,
    ShutdownNotifications,
    TimeLimit,
)

from casework.runtime import Runtime
from eingang.settings import Settings

logger = logging.getLogger(__name__)

QUEUE = "eingang"
PROCESS_MESSAGE = "process_message"
DELIVER_MAIL = "deliver_mail"

# The process-level middleware dramatiq adds by default fork processes (Prometheus); keep it lean.
_MIDDLEWARE = (AgeLimit, TimeLimit, ShutdownNotifications, Callbacks, Pipelines, Retries)


def build_broker(settings: Settings) -> dramatiq.Broker:
    middleware: list[Middleware] = [m() for m in _MIDDLEWARE]
    if settings.redis_url:
        return RedisBroker(url=settings.redis_url, namespace=settings.redis_namespace, middleware=middleware)
    return StubBroker(middleware=middleware)


class BrokerTaskQueue:
    """Enqueue work on a dramatiq broker by actor name. Best effort: a broker outage is logged
    and reported as False (the sweeper and the outbox job catch up from the database)."""

    def __init__(self, broker: dramatiq.Broker) -> None:
        self.broker = broker

    def _send(self, actor_name: str, *args: int) -> bool:
        message: dramatiq.Message[None] = dramatiq.Message(
            queue_name=QUEUE, actor_name=actor_name, args=args, kwargs={}, options={}
        )
        try:
            self.broker.enqueue(message)
        except Exception:  # broker down: the database keeps the work
            logger.warning("could not enqueue %s%s", actor_name, args, exc_info=True)
            return False
        return True

    def enqueue_processing(self, inbound_id: int) -> bool:
        return self._send(PROCESS_MESSAGE, inbound_id)

    def enqueue_delivery(self, outbox_id: int) -> bool:
        return self._send(DELIVER_MAIL, outbox_id)


def broker_of(runtime: Runtime) -> dramatiq.Broker:
    """The dramatiq broker behind the runtime's task queue."""
    tasks = runtime.tasks
    if not isinstance(tasks, BrokerTaskQueue):
        raise TypeError(f"the runtime's task queue is no dramatiq broker: {tasks!r}")
    return tasks.broker
