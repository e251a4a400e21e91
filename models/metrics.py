"""Prometheus counters and histograms, incremented where things happen (intake, processing,
mail, SLA job, login). Imports nothing of Eingang, so every layer may use it.

Each process counts in its own memory. For several processes (``eingang worker`` forks
dramatiq processes; ``serve``, ``worker`` and ``scheduler`` run side by side) set
``PROMETHEUS_MULTIPROC_DIR`` to an empty directory *before the process starts*: prometheus-client
then keeps the values in files there, and whoever serves the metrics (the web app's ``/metrics``,
or ``serve_metrics_port`` of a worker or scheduler) adds up all processes of that directory.
Gauges that describe the database (queue depth, oldest waiting message, last job runs) are not
here: ``web.metrics`` computes them at scrape time."""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector

MESSAGES_STORED = Counter("eingang_messages_stored", "Stored inbound messages (new, not duplicates)", ["channel"])
MESSAGES_PROCESSED = Counter("eingang_messages_processed", "Inbound messages processed into a consultation")
MESSAGES_FAILED = Counter("eingang_messages_failed", "Inbound messages marked failed", ["reason"])
PROCESSING_SECONDS = Histogram(
    "eingang_message_processing_seconds",
    "Time to parse, classify, link and thread one message",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
MAILS = Counter("eingang_mails", "Mails Eingang sent or failed to send", ["kind", "outcome"])
SLA_BREACHES = Counter("eingang_sla_breaches", "Recorded deadline breaches (first response, escalation)", ["kind"])
LOGINS_FAILED = Counter("eingang_logins_failed", "Refused logins at the web app", ["reason"])
PERIODIC_RUNS = Counter("eingang_periodic_runs", "Runs of periodic jobs", ["job", "outcome"])


def mail_result(kind: str, sent: bool) -> None:
    """Count one sent (or failed) mail of ``kind`` (acknowledgement, answer, digest, escalation)."""
    MAILS.labels(kind=kind, outcome="sent" if sent else "failed").inc()


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def process_registry():
    """The registry to expose: all processes of the multiprocess directory, or this process."""
    if multiprocess_dir():
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
        return registry
    from prometheus_client import REGISTRY

    return REGISTRY


def serve_metrics_port(port: int, host: str = "127.0.0.1"):
    """Serve this process's (or its multiprocess directory's) metrics on ``host:port`` in a
    background thread — for ``eingang worker`` and ``eingang scheduler``, which have no web app."""
    server, thread = start_http_server(port, addr=host, registry=process_registry())
    return server, thread
