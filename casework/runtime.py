"""What a running process shares, as plain values: settings, the database engine, the task
queue, the outgoing relay, the topic model, the gazetteers and the taxonomy.

``Runtime`` is composed only at the entry points (``eingang.runtime.build_runtime``: CLI
commands, the web app factory's caller, worker and scheduler start-up) and passed down. The
casework layer needs two things from above, described here as Protocols: a ``TaskQueue``
(implemented on dramatiq by ``queue_workers``) and a ``Relay`` (``casework.mailer.SmtpRelay``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from sqlalchemy.engine import Engine

from casework.gazetteers import GazetteerStore
from casework.live import EventBus
from casework.presence import LocalPresence, Presence
from classifiers.taxonomy import Taxonomy
from classifiers.topic_model import TopicModel, load_topic_model
from eingang.settings import Settings


class TaskQueue(Protocol):
    """Hands work to the workers. Best effort: returns False when the broker is unreachable;
    the database stays the source of truth and periodic jobs pick up what was not enqueued."""

    def enqueue_processing(self, inbound_id: int) -> bool: ...

    def enqueue_delivery(self, outbox_id: int) -> bool: ...


class Relay(Protocol):
    """The outgoing SMTP relay."""

    @property
    def configured(self) -> bool: ...

    def send(self, message: EmailMessage) -> None: ...


@dataclass(frozen=True)
class TopicModelSource:
    """The topic model this runtime classifies with (a promoted one or the packaged one).
    Loaded on first use — loading takes seconds and most commands never classify."""

    directory: Path

    def load(self) -> TopicModel:
        return load_topic_model(self.directory)


@dataclass(frozen=True)
class Runtime:
    settings: Settings
    engine: Engine
    tasks: TaskQueue
    relay: Relay
    taxonomy: Taxonomy
    topic_model: TopicModelSource
    gazetteers: GazetteerStore
    # Called inside the processing transaction, before its commit, with the message id. A seam
    # for tests (a worker killed mid-transaction); None in production.
    processing_hook: Callable[[int], None] | None = None
    # Live events (casework.live): None = the in-process bus; Redis pub/sub when Redis is used.
    events: EventBus | None = None
    # Who has a case open (casework.presence): this runtime's own registry, Redis when Redis is used.
    presence: Presence = field(default_factory=LocalPresence)
