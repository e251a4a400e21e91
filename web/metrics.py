"""``GET /metrics`` for Prometheus: the counters of ``models.metrics`` (of this process, or of
every process sharing ``PROMETHEUS_MULTIPROC_DIR``) and gauges computed from the database and
the broker at scrape time (queue depth, oldest waiting message, failed messages, dead letters,
last run of each periodic job).

Access: with ``EINGANG_METRICS_TOKEN`` set, only ``Authorization: Bearer <token>``; without it,
only clients on the loopback address (a Prometheus on the same host). Behind a reverse proxy on
the same host every client looks local, so set the token there."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from datetime import UTC, datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func
from sqlmodel import Session, select

from models import InboundMessage, PeriodicRun, ProcessingStatus, SlaBreach, as_utc
from models.metrics import process_registry

router = APIRouter(include_in_schema=False)
logger = logging.getLogger(__name__)
QUEUE = "eingang"


def _allowed(request: Request) -> bool:
    token = request.app.state.runtime.settings.metrics_token
    if token:
        scheme, _, sent = request.headers.get("authorization", "").partition(" ")
        expected = token.get_secret_value().encode()
        return scheme.lower() == "bearer" and hmac.compare_digest(sent.strip().encode(), expected)
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def broker_depth(settings) -> dict[str, int] | None:
    """Messages waiting in the Redis queue, delayed (retries) and dead-lettered; None without Redis."""
    if not settings.redis_url:
        return None
    import redis

    client = redis.Redis.from_url(settings.redis_url, socket_timeout=2, socket_connect_timeout=2)
    base = f"{settings.redis_namespace}:{QUEUE}"
    try:
        return {
            "ready": int(client.llen(base)),
            "delayed": int(client.llen(f"{base}.DQ")),
            "dead": int(client.zcard(f"{base}.XQ")),
        }
    finally:
        client.close()


class DatabaseCollector:
    """Gauges read from the database (and Redis) when Prometheus scrapes."""

    def __init__(self, runtime) -> None:
        self.runtime = runtime

    def collect(self):
        now = datetime.now(UTC)
        with Session(self.runtime.engine) as session:
            by_status = dict(
                session.exec(
                    select(InboundMessage.status, func.count(InboundMessage.id)).group_by(InboundMessage.status)
                ).all()
            )
            oldest = session.exec(
                select(func.min(InboundMessage.received_at)).where(InboundMessage.status == ProcessingStatus.RECEIVED)
            ).one()
            runs = session.exec(
                select(PeriodicRun.job, func.max(PeriodicRun.started_at)).group_by(PeriodicRun.job)
            ).all()
            breaches = dict(
                session.exec(select(SlaBreach.kind, func.count(SlaBreach.id)).group_by(SlaBreach.kind)).all()
            )
        messages = GaugeMetricFamily("eingang_inbound_messages", "Stored inbound messages by state", labels=["status"])
        for status in ProcessingStatus:
            messages.add_metric([status.value], by_status.get(status.value, 0))
        yield messages
        yield GaugeMetricFamily(
            "eingang_messages_waiting", "Stored messages not yet processed", value=by_status.get("received", 0)
        )
        age = (now - as_utc(oldest)).total_seconds() if oldest is not None else 0.0
        yield GaugeMetricFamily(
            "eingang_oldest_unprocessed_message_age_seconds", "Age of the oldest unprocessed message", value=age
        )
        last_run = GaugeMetricFamily(
            "eingang_periodic_job_last_run_timestamp_seconds", "When each periodic job last ran", labels=["job"]
        )
        for job, started in runs:
            last_run.add_metric([job], as_utc(started).timestamp())
        yield last_run
        recorded = GaugeMetricFamily("eingang_sla_breaches_recorded", "SLA breaches in the database", labels=["kind"])
        for kind, count in breaches.items():
            recorded.add_metric([kind], count)
        yield recorded
        try:
            depth = broker_depth(self.runtime.settings)
        except Exception as error:  # Redis away: the database gauges still answer
            logger.warning("queue depth unavailable: %s", type(error).__name__)
            depth = None
        up = GaugeMetricFamily("eingang_broker_up", "1 when the queue's Redis answered this scrape")
        up.add_metric([], 1 if depth is not None else 0)
        if self.runtime.settings.redis_url:
            yield up
        if depth is not None:
            queue = GaugeMetricFamily("eingang_queue_depth", "Messages in the dramatiq queue", labels=["state"])
            for state, count in depth.items():
                queue.add_metric([state], count)
            yield queue


@router.get("/metrics")
def metrics(request: Request):
    if not _allowed(request):
        raise HTTPException(403, "Die Metriken sind nur mit Token oder von dieser Maschine aus abrufbar.")
    scraped = CollectorRegistry(auto_describe=False)
    scraped.register(DatabaseCollector(request.app.state.runtime))
    body = generate_latest(process_registry()) + generate_latest(scraped)
    return Response(body, media_type=CONTENT_TYPE_LATEST, headers={"Cache-Control": "no-store"})
