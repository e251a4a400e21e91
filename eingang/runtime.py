"""Composition: the only place a ``casework.runtime.Runtime`` is put together from ``Settings``
(engine, broker-backed task queue with the actors declared on it, relay, topic model,
gazetteers, taxonomy). Used by the CLI commands, the web server of ``eingang serve``, the
scheduler, and the worker processes ``eingang worker`` starts:

    python -m dramatiq eingang.runtime:worker_process

(dramatiq imports this module in each worker process and calls ``worker_process``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import dramatiq

from casework.gazetteers import GazetteerStore
from casework.mailer import SmtpRelay
from casework.presence import build_presence
from casework.runtime import Runtime, TopicModelSource
from classifiers.taxonomy import get_taxonomy
from classifiers.topic_model import PACKAGED_MODEL
from eingang.logs import configure_logging
from eingang.settings import Settings, get_settings
from models import make_engine
from models.statement_counts import StatementCounter
from queue_workers.actors import declare_actors
from queue_workers.broker import BrokerTaskQueue, broker_of, build_broker
from queue_workers.events import build_events
from queue_workers.worker import exit_with_parent

if TYPE_CHECKING:  # the web stack (FastAPI, exports, similar-case search) is not loaded by workers
    from web.server import WebServer

WORKER_TARGET = f"{__name__}:worker_process"


def build_runtime(settings: Settings, *, processing_hook: Callable[[int], None] | None = None) -> Runtime:
    """A runtime for ``settings``: its own engine and broker (Redis or in-process), with the
    actors declared on that broker."""
    broker = build_broker(settings)
    runtime = Runtime(
        settings=settings,
        engine=make_engine(settings.database_url),
        tasks=BrokerTaskQueue(broker),
        relay=SmtpRelay(settings),
        taxonomy=get_taxonomy(settings.taxonomy_path),
        topic_model=TopicModelSource(Path(settings.topic_model_path) if settings.topic_model_path else PACKAGED_MODEL),
        gazetteers=GazetteerStore(),
        processing_hook=processing_hook,
        events=build_events(settings),
        presence=build_presence(settings.redis_url, settings.redis_namespace),
    )
    declare_actors(broker, runtime)
    if settings.sql_statistics_dir:
        StatementCounter(runtime.engine, dump_to=settings.sql_statistics_dir)
    return runtime


def worker_process() -> None:
    """Start-up of one ``eingang worker`` process: compose the runtime from the environment and
    hand its broker to dramatiq (and set its log format, keeping dramatiq's handlers). The process
    ends with its parent (no orphans after a ``kill -9`` of the parent); a child that dies makes
    dramatiq's parent stop the whole group with a non-zero exit code, for the supervisor (compose
    ``restart:``) to start it again."""
    exit_with_parent()
    settings = get_settings()
    if settings.log_format == "json":
        configure_logging("json", replace_handlers=False)
    dramatiq.set_broker(broker_of(build_runtime(settings)))


def serve_web(runtime: Runtime) -> WebServer:
    """The web app of ``eingang serve`` on the runtime (uvicorn in a thread; has ``.stop()``).
    Imported here, not at the top: a worker process imports this module and never serves, and
    the web stack (FastAPI, uvicorn, openpyxl, scikit-learn/scipy for similar cases) would
    cost it about 90 MB of RSS."""
    from web.server import start_web_server

    return start_web_server(runtime)
