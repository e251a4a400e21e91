"""Workflow benchmark on the real PostgreSQL (and Redis for the sweeper): how long the
periodic jobs take over a realistic backlog, and how fast the sweeper re-enqueues.

Creates a throw-away database, fills it with N consultations (3 tasks each, 20 consultants,
every tenth consultation urgent and unanswered), then times one run of each job. Digest mails
are handed to a no-op sender (no SMTP), so the figure is Eingang's own cost.

    .venv/bin/python bench/bench_workflow.py [--consultations 5000] [--messages 2000]
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import time
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import create_engine, text

POSTGRES_ADMIN_URL = os.environ.get(
    "EINGANG_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("EINGANG_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--consultations", type=int, default=5000)
    parser.add_argument("--messages", type=int, default=2000, help="unprocessed messages for the sweeper")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the relay is deliberately absent

    from casework.dispatch import sweep_unprocessed
    from casework.reminders import escalate_unanswered_urgent, record_sla_breaches, send_task_digests
    from eingang.runtime import build_runtime
    from eingang.settings import Settings
    from models import Consultation, FollowUpTask, InboundMessage, UserAccount, session_scope
    from models.migrate import upgrade_database

    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"eingang_bench_{uuid.uuid4().hex[:10]}"
    namespace = f"eingang-bench-{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    runtime = build_runtime(Settings(_env_file=None, database_url=url, redis_url=REDIS_URL, redis_namespace=namespace))
    try:
        upgrade_database(runtime.engine)
        now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
        today = date(2026, 11, 23)
        rng = random.Random(7)
        with session_scope(runtime.engine) as session:
            users = [
                UserAccount(username=f"berater{i}", email=f"berater{i}@tfm.thueringen.de", is_team_lead=i == 0)
                for i in range(20)
            ]
            session.add_all(users)
            session.flush()
            for i in range(args.consultations):
                urgent = i % 10 == 0
                row = Consultation(
                    reference=f"KV-2026-{i + 1:05d}",
                    subject=f"Anfrage {i}",
                    channel="smtp",
                    priority="dringend" if urgent else rng.choice(["normal", "hoch"]),
                    received_at=now - timedelta(hours=rng.randint(1, 400)),
                    assignee_id=rng.choice(users).id if i % 3 else None,
                    sender_address=f"amt{i}@gemeinde.de",
                )
                if not urgent and rng.random() < 0.6:
                    row.first_response_at = row.received_at + timedelta(hours=rng.randint(1, 100))
                session.add(row)
                session.flush()
                for days in (-3, 0, 5):
                    session.add(FollowUpTask(consultation_id=row.id, title="Aufgabe", due=today + timedelta(days=days)))
            for i in range(args.messages):
                session.add(
                    InboundMessage(
                        channel="smtp",
                        message_id=f"<{i}@bench>",
                        content_hash=f"{i:064d}",
                        raw=b"Subject: x\r\n\r\nx",
                        received_at=datetime.now(UTC) - timedelta(hours=1),
                    )
                )

        def timed(label: str, work) -> None:
            started = time.perf_counter()
            with session_scope(runtime.engine) as session:
                result = work(session)
            print(f"{label:<46} {time.perf_counter() - started:7.2f} s   ({len(result)} results)")

        print(f"{args.consultations} consultations, {3 * args.consultations} tasks, 20 consultants on PostgreSQL")
        timed(
            "escalate_unanswered_urgent (into the outbox)",
            lambda s: escalate_unanswered_urgent(s, settings=runtime.settings, now=now),
        )
        timed("record_sla_breaches", lambda s: record_sla_breaches(s, settings=runtime.settings, now=now))
        timed(
            "send_task_digests (into the outbox)",
            lambda s: send_task_digests(s, settings=runtime.settings, today=today),
        )
        timed(
            "record_sla_breaches again (nothing new)",
            lambda s: record_sla_breaches(s, settings=runtime.settings, now=now),
        )

        started = time.perf_counter()
        swept = len(sweep_unprocessed(runtime, older_than=timedelta(0)))  # at most 1000 per run
        elapsed = time.perf_counter() - started
        print(f"{'sweeper: re-enqueue into Redis':<46} {elapsed:7.2f} s   ({swept} messages, {swept / elapsed:.0f}/s)")
        runtime.tasks.broker.flush_all()
    finally:
        runtime.engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
