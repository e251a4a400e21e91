"""Periodic jobs and their exactly-once bookkeeping.

Each job names its current *period* (``sweeper`` every ``sweeper_interval_seconds``,
``sla`` every ``sla_check_interval_seconds``, ``digest`` once per working day after
``digest_time``). A run first inserts ``PeriodicRun(job, period)``; the unique constraint lets
exactly one scheduler win per period, however many run. The claim and the job's database work
share one transaction, so a run that crashes is rolled back and retried in the same period;
mail a job queues in the outbox is handed to the workers after that transaction's commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from casework import outbox
from casework.chat import mail_undelivered_answers
from casework.dispatch import sweep_due
from casework.followups import is_working_day
from casework.reminders import escalate_unanswered_urgent, record_sla_breaches, send_task_digests
from casework.runtime import Runtime
from models import PeriodicRun, metrics, utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    # The period ``now`` falls in, or None when the job is not due (e.g. before the digest time).
    period: Callable[[Runtime, datetime], str | None]
    # The work; runs inside the claiming transaction and returns a short JSON-able summary.
    run: Callable[[Runtime, Session, datetime], dict]
    # True for jobs that open their own transactions (and are idempotent per item): the claim is
    # committed first and the job runs outside it, so SQLite's single writer is not held twice.
    own_transactions: bool = False


def _every(seconds: int, now: datetime) -> str:
    seconds = max(1, int(seconds))
    return f"{int(now.timestamp()) // seconds * seconds}"


def _digest_period(runtime: Runtime, now: datetime) -> str | None:
    settings = runtime.settings
    local = now.astimezone(ZoneInfo(settings.local_timezone))
    if not is_working_day(local.date()) or local.time() < time.fromisoformat(settings.digest_time):
        return None
    return local.date().isoformat()


def _run_sweeper(runtime: Runtime, session: Session, now: datetime) -> dict:
    return sweep_due(runtime, session, older_than_seconds=runtime.settings.sweeper_min_age_seconds, now=now)


def _run_outbox(runtime: Runtime, session: Session, now: datetime) -> dict:
    """Re-enqueue outgoing mail whose delivery was never enqueued (broker outage) or was lost."""
    ids = outbox.due_ids(session, older_than_seconds=runtime.settings.sweeper_min_age_seconds, now=now)
    enqueued = [outbox_id for outbox_id in ids if runtime.tasks.enqueue_delivery(outbox_id)]
    return {"found": len(ids), "enqueued": len(enqueued)}


def _run_sla(runtime: Runtime, session: Session, now: datetime) -> dict:
    escalated = escalate_unanswered_urgent(session, settings=runtime.settings, now=now)
    breaches = record_sla_breaches(session, settings=runtime.settings, now=now)
    return {"escalated": [c.reference for c in escalated], "breaches": len(breaches)}


def _run_digest(runtime: Runtime, session: Session, now: datetime) -> dict:
    today = now.astimezone(ZoneInfo(runtime.settings.local_timezone)).date()
    mails = send_task_digests(session, settings=runtime.settings, today=today)
    return {"digests": len(mails)}


RUN_HISTORY = timedelta(days=30)


def _run_housekeeping(runtime: Runtime, session: Session, now: datetime) -> dict:
    """Forget run records older than ``RUN_HISTORY`` (their periods can never come again)."""
    result = session.exec(delete(PeriodicRun).where(col(PeriodicRun.started_at) < now - RUN_HISTORY))
    return {"deleted_runs": result.rowcount}


def _run_chat_mail(runtime: Runtime, session: Session | None, now: datetime) -> dict:
    """Mail the consultant answers that chat visitors left before fetching (casework.chat)."""
    return {"mailed": mail_undelivered_answers(runtime)}


def _daily(runtime: Runtime, now: datetime) -> str:
    return now.astimezone(ZoneInfo(runtime.settings.local_timezone)).date().isoformat()


JOBS: tuple[PeriodicJob, ...] = (
    PeriodicJob("sweeper", lambda rt, now: _every(rt.settings.sweeper_interval_seconds, now), _run_sweeper),
    PeriodicJob("outbox", lambda rt, now: _every(rt.settings.sweeper_interval_seconds, now), _run_outbox),
    PeriodicJob("sla", lambda rt, now: _every(rt.settings.sla_check_interval_seconds, now), _run_sla),
    PeriodicJob("digest", _digest_period, _run_digest),
    PeriodicJob("housekeeping", _daily, _run_housekeeping),
    PeriodicJob(
        "chat_mail",
        lambda rt, now: _every(rt.settings.sweeper_interval_seconds, now),
        _run_chat_mail,
        own_transactions=True,
    ),
)


def claim(session: Session, *, job: str, period: str) -> bool:
    """Insert the (job, period) row; False when another scheduler has it already. On
    PostgreSQL a concurrent claimer waits here until the first one commits or rolls back."""
    try:
        with session.begin_nested():
            session.add(PeriodicRun(job=job, period=period))
            session.flush()
    except IntegrityError:
        return False
    return True


def run_job(runtime: Runtime, job: PeriodicJob, *, now: datetime | None = None) -> dict | None:
    """Run ``job`` for its current period unless some scheduler already did; returns the
    job's summary, or None when not due or already done."""
    now = now or utcnow()
    period = job.period(runtime, now)
    if period is None:
        return None
    with outbox.transaction(runtime) as session:
        if not claim(session, job=job.name, period=period):
            return None
        if not job.own_transactions:
            summary = job.run(runtime, session, now)
    if job.own_transactions:  # such a job's run takes ``Session | None`` and gets no session
        summary = cast("Callable[[Runtime, Session | None, datetime], dict]", job.run)(runtime, None, now)
    logger.info(
        "periodic job %s ran for period %s: %s", job.name, period, summary, extra={"job": job.name, "period": period}
    )
    return summary


def run_due_jobs(
    runtime: Runtime, *, now: datetime | None = None, jobs: tuple[PeriodicJob, ...] = JOBS
) -> dict[str, dict | None]:
    """Run every due job once (a failing job is logged and does not stop the others)."""
    results: dict[str, dict | None] = {}
    for job in jobs:
        try:
            results[job.name] = run_job(runtime, job, now=now)
        except Exception:
            logger.exception("periodic job %s failed; it will be retried", job.name)
            results[job.name] = {"error": True}
            metrics.PERIODIC_RUNS.labels(job=job.name, outcome="failed").inc()
        else:
            if results[job.name] is not None:
                metrics.PERIODIC_RUNS.labels(job=job.name, outcome="ok").inc()
    return results
