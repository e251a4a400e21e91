"""The one place that configures dramatiq's broker. Must run before actor modules are
imported: ``queue_workers.actors`` calls ``ensure_broker()`` at import.

``EINGANG_REDIS_URL`` set → ``RedisBroker`` (production, ``eingang worker``);
unset → an in-process ``StubBroker`` whose worker runs inside ``eingang serve``."""

from __future__ import annotations

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AgeLimit, Callbacks, Pipelines, Retries, ShutdownNotifications, TimeLimit

from eingang.settings import Settings, get_settings

_configured: dramatiq.Broker | None = None

# The process-level middleware dramatiq adds by default fork processes (Prometheus); keep it lean.
_MIDDLEWARE = (AgeLimit, TimeLimit, ShutdownNotifications, Callbacks, Pipelines, Retries)


def build_broker(settings: Settings) -> dramatiq.Broker:
    middleware = [m() for m in _MIDDLEWARE]
    if settings.redis_url:
        return RedisBroker(url=settings.redis_url, namespace=settings.redis_namespace, middleware=middleware)
    return StubBroker(middleware=middleware)


def setup_broker(settings: Settings) -> dramatiq.Broker:
    """Create the broker for ``settings``, make it dramatiq's global broker and bind every
    already-declared actor to it (so tests can switch between backends)."""
    global _configured
    broker = build_broker(settings)
    previous = _configured
    dramatiq.set_broker(broker)
    _configured = broker
    if previous is not None:
        for name in previous.get_declared_actors():
            actor = previous.get_actor(name)
            actor.broker = broker
            broker.declare_actor(actor)
    return broker


def ensure_broker() -> dramatiq.Broker:
    """The configured broker, set up from the environment on first use (in a dramatiq worker
    process: also its log format, keeping dramatiq's handlers)."""
    if _configured is not None:
        return _configured
    settings = get_settings()
    if settings.log_format == "json":
        from eingang.logs import configure_logging

        configure_logging("json", replace_handlers=False)
    return setup_broker(settings)
