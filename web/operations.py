"""The administrators' page "Betrieb": what operators need to see that Eingang is running —
failed messages with their error (and a button to process them again), the dead letters of the
queue, the queue depth, the last run of every periodic job (sweeper, SLA/escalations, reminder
digest …, from the claims table ``periodic_run``), and the gazetteer and topic model in force."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from fastapi import APIRouter, Request
from sqlmodel import col, func, select

from classifiers.topic_model import META_FILE
from classifiers.topics import active_model_dir
from models import GazetteerVersion, InboundMessage, PeriodicRun, ProcessingStatus, as_utc, utcnow
from web.metrics import broker_depth
from web.security import AdminPage, DbSession
from web.templating import render

router = APIRouter(include_in_schema=False)
logger = logging.getLogger(__name__)
JOB_LABELS = {
    "sweeper": "Sweeper (liegengebliebene Nachrichten)",
    "sla": "Fristen und Eskalationen",
    "digest": "Erinnerungen (tägliche Aufgabenübersicht)",
    "housekeeping": "Aufräumen",
    "chat_mail": "Chat-Antworten per E-Mail",
}


def _model_info() -> dict:
    directory = active_model_dir()
    try:
        meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    test = meta.get("test_metrics") or {}
    return {
        "directory": str(directory),
        "trained_at": meta.get("trained_at"),
        "train_examples": meta.get("train_examples"),
        "corrections": meta.get("corrections"),
        "micro_f1": test.get("micro_f1") if isinstance(test, dict) else None,
    }


def _dead_letters(settings) -> tuple[list, str | None]:
    if not settings.redis_url:
        return [], "Eingebettete Warteschlange (ohne Redis): keine Dead Letters außerhalb des Prozesses."
    try:
        from dramatiq.brokers.redis import RedisBroker

        from queue_workers.deadletters import list_dead_letters

        broker = RedisBroker(url=settings.redis_url, namespace=settings.redis_namespace, middleware=[])
        try:
            return list_dead_letters(broker)[-100:], None
        finally:
            broker.close()
    except Exception as error:
        logger.warning("dead letters unavailable: %s", type(error).__name__)
        return [], f"Redis nicht erreichbar ({type(error).__name__})."


@router.get("/admin/betrieb")
def operations(request: Request, db: DbSession, user: AdminPage):
    runtime = request.app.state.runtime
    settings = runtime.settings
    now = utcnow()
    failed = db.exec(
        select(InboundMessage)
        .where(InboundMessage.status == ProcessingStatus.FAILED)
        .order_by(col(InboundMessage.received_at).desc())
        .limit(100)
    ).all()
    waiting, oldest = db.exec(
        select(func.count(InboundMessage.id), func.min(InboundMessage.received_at)).where(
            InboundMessage.status == ProcessingStatus.RECEIVED
        )
    ).one()
    runs = dict(db.exec(select(PeriodicRun.job, func.max(PeriodicRun.started_at)).group_by(PeriodicRun.job)).all())
    jobs = [
        {"job": job, "label": label, "last": as_utc(runs.get(job))}
        for job, label in {**JOB_LABELS, **{j: j for j in runs if j not in JOB_LABELS}}.items()
    ]
    try:
        depth = broker_depth(settings)
        depth_error = None
    except Exception as error:
        depth, depth_error = None, f"Redis nicht erreichbar ({type(error).__name__})."
    letters, letters_note = _dead_letters(settings)
    gazetteer = db.exec(select(GazetteerVersion).order_by(col(GazetteerVersion.id).desc())).first()
    context = {
        "failed": failed,
        "waiting": waiting,
        "oldest_age": _age(now, as_utc(oldest)) if oldest else None,
        "jobs": jobs,
        "depth": depth,
        "depth_error": depth_error,
        "embedded": settings.embedded_queue,
        "letters": letters,
        "letters_note": letters_note,
        "gazetteer": gazetteer,
        "model": _model_info(),
    }
    return render(request, "operations.html", context, headers={"Cache-Control": "no-store"})


def _age(now: datetime, then: datetime) -> str:
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"
