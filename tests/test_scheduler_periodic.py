"""Periodic jobs: the task digest, escalation of unanswered urgent consultations, SLA
breaches — and exactly one run per period even with several schedulers on PostgreSQL."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import func, select

from casework.reminders import record_sla_breaches
from casework.runtime import Runtime
from eingang.runtime import build_runtime
from models import AuditEntry, Consultation, FollowUpTask, OutboundMail, PeriodicRun, SlaBreach, session_scope
from queue_workers.periodic import JOBS, run_due_jobs
from tests.test_workflow_lifecycle import add_user, make_consultation

MONDAY_0800_BERLIN = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 08:00 CET, a working day
MONDAY = date(2026, 11, 23)


def seed_team(session, *, now: datetime) -> None:
    """anna has one task due today and one overdue; one task belongs to nobody; one urgent
    consultation has waited five hours without an answer."""
    anna = add_user(session, "anna", email="anna@tfm.thueringen.de")
    add_user(session, "lead", email="leitung@tfm.thueringen.de", team_lead=True)
    add_user(session, "ohnemail")
    mine = make_consultation(session, reference="KV-2026-00001")
    mine.assignee_id = anna.id
    session.add(FollowUpTask(consultation_id=mine.id, title="Förderrichtlinie übersenden", due=MONDAY))
    session.add(FollowUpTask(consultation_id=mine.id, title="Antragsberechtigung prüfen", due=date(2026, 11, 18)))
    session.add(FollowUpTask(consultation_id=mine.id, title="Später", due=date(2026, 12, 1)))
    nobody = make_consultation(session, reference="KV-2026-00002")
    session.add(FollowUpTask(consultation_id=nobody.id, title="ISMS-Beratung anbieten", due=MONDAY))
    urgent = make_consultation(session, reference="KV-2026-00003", topics=("it_security",))
    urgent.priority = "dringend"
    urgent.subject = "Verschlüsselungstrojaner im Rathaus"
    urgent.received_at = now - timedelta(hours=5)


def runtime_with_relay(runtime: Runtime, port: int) -> Runtime:
    settings = runtime.settings.model_copy(update={"relay_host": "127.0.0.1", "relay_port": port})
    return build_runtime(settings)


def test_digest_escalation_and_breaches_are_sent_once_in_german(sqlite_runtime, smtp_sink, queue_for):
    sink, port = smtp_sink
    runtime = runtime_with_relay(sqlite_runtime, port)
    broker = queue_for(runtime)  # the embedded worker delivers what the jobs put in the outbox
    with session_scope(runtime.engine) as session:
        seed_team(session, now=MONDAY_0800_BERLIN)
    first = run_due_jobs(runtime, now=MONDAY_0800_BERLIN)
    second = run_due_jobs(runtime, now=MONDAY_0800_BERLIN + timedelta(seconds=1))
    broker.join("eingang", timeout=30_000)
    assert first["digest"] == {"digests": 2}
    assert first["sla"] == {"escalated": ["KV-2026-00003"], "breaches": 1}
    assert second["digest"] is None and second["sla"] is None  # same periods: already done

    mails = {(m["To"], m["Subject"]): m.get_content() for m in sink.parsed()}
    assert set(mails) == {
        ("anna@tfm.thueringen.de", "Eingang: 2 Aufgaben fällig am 23.11.2026"),
        ("leitung@tfm.thueringen.de", "Eingang: 1 Aufgabe fällig am 23.11.2026"),
        ("leitung@tfm.thueringen.de", "Eskalation: dringender Fall KV-2026-00003 ohne Antwort"),
    }
    anna = mails[("anna@tfm.thueringen.de", "Eingang: 2 Aufgaben fällig am 23.11.2026")]
    assert "Überfällig (1):" in anna and "Heute fällig (1):" in anna
    assert "[KV-2026-00001] Antragsberechtigung prüfen — fällig seit 18.11.2026 (5 Tage überfällig)" in anna
    assert "Später" not in anna
    escalation = mails[("leitung@tfm.thueringen.de", "Eskalation: dringender Fall KV-2026-00003 ohne Antwort")]
    assert "seit 5.0 Stunden ohne erste Antwort" in escalation
    assert "Eingegangen: 23.11.2026 um 03:00 Uhr" in escalation  # 02:00 UTC, local time (CET)
    with session_scope(runtime.engine) as session:
        kinds = sorted(b.kind for b in session.exec(select(SlaBreach)))
        escalated = session.exec(select(AuditEntry).where(AuditEntry.action == "escalated")).one()
        recorded = session.exec(select(func.count()).select_from(OutboundMail)).one()
    assert kinds == ["escalation", "first_response"]  # urgent SLA is 4 h, 5 h have passed
    assert escalated.actor == "rule:escalation"
    assert recorded == 3


def test_digest_waits_for_its_time_and_skips_weekends_and_holidays(sqlite_runtime):
    digest = next(job for job in JOBS if job.name == "digest")
    assert digest.period(sqlite_runtime, datetime(2026, 11, 23, 6, 0, tzinfo=UTC)) is None  # 07:00 local
    assert digest.period(sqlite_runtime, MONDAY_0800_BERLIN) == "2026-11-23"
    assert digest.period(sqlite_runtime, datetime(2026, 11, 21, 9, 0, tzinfo=UTC)) is None  # Saturday
    assert digest.period(sqlite_runtime, datetime(2026, 12, 25, 9, 0, tzinfo=UTC)) is None  # 1. Weihnachtstag


def test_sla_breaches_per_priority(sqlite_runtime):
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    with session_scope(sqlite_runtime.engine) as session:
        cases = {}
        for ref, priority, hours_ago, answered_after, status in [
            ("KV-2026-00010", "normal", 80, None, "neu"),  # 72 h SLA, unanswered → breach
            ("KV-2026-00011", "normal", 80, 70, "beantwortet"),  # answered in time
            ("KV-2026-00012", "hoch", 30, 25, "beantwortet"),  # 24 h SLA, answered late → breach
            ("KV-2026-00013", "hoch", 20, None, "neu"),  # still within 24 h
            ("KV-2026-00014", "normal", 100, None, "abgeschlossen"),  # closed without answer
        ]:
            row = make_consultation(session, reference=ref)
            row.priority, row.status = priority, status
            row.received_at = now - timedelta(hours=hours_ago)
            if answered_after is not None:
                row.first_response_at = row.received_at + timedelta(hours=answered_after)
            cases[row.id] = ref
        breaches = record_sla_breaches(session, settings=sqlite_runtime.settings, now=now)
        again = record_sla_breaches(session, settings=sqlite_runtime.settings, now=now)
        breached = sorted(cases[b.consultation_id] for b in breaches)
    assert breached == ["KV-2026-00010", "KV-2026-00012"]
    assert again == []


@pytest.mark.postgres
def test_two_schedulers_on_postgres_run_each_period_exactly_once(postgres_runtime, smtp_sink, queue_for):
    """Two schedulers (own engines, like two processes) tick at the same moment, three times."""
    sink, port = smtp_sink
    runtime = runtime_with_relay(postgres_runtime, port)
    with session_scope(runtime.engine) as session:
        seed_team(session, now=MONDAY_0800_BERLIN)
    schedulers = [build_runtime(runtime.settings), build_runtime(runtime.settings)]
    workers = [queue_for(rt) for rt in schedulers]  # each scheduler process delivers its own outbox rows
    barrier = threading.Barrier(len(schedulers))
    results: list[dict] = []

    def tick(rt: Runtime) -> None:
        for second in range(3):
            barrier.wait()
            results.append(run_due_jobs(rt, now=MONDAY_0800_BERLIN + timedelta(seconds=second)))

    threads = [threading.Thread(target=tick, args=(rt,)) for rt in schedulers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for broker in workers:
        broker.join("eingang", timeout=30_000)
    for rt in schedulers:
        rt.engine.dispose()

    assert len(results) == 6
    assert not any(r.get("error") for result in results for r in result.values() if r)
    assert sum(1 for result in results if result["digest"] is not None) == 1
    assert sum(1 for result in results if result["sla"] is not None) == 1
    with session_scope(runtime.engine) as session:
        runs = sorted((r.job, r.period) for r in session.exec(select(PeriodicRun)))
        escalations = session.exec(select(func.count()).select_from(SlaBreach).where(SlaBreach.kind == "escalation"))
        escalations = escalations.one()
        opened = session.exec(select(func.count()).select_from(Consultation)).one()
    assert [job for job, _period in runs] == ["chat_mail", "digest", "housekeeping", "outbox", "sla", "sweeper"]
    assert escalations == 1 and opened == 3
    assert sorted(m["Subject"] for m in sink.parsed()) == [
        "Eingang: 1 Aufgabe fällig am 23.11.2026",
        "Eingang: 2 Aufgaben fällig am 23.11.2026",
        "Eskalation: dringender Fall KV-2026-00003 ohne Antwort",
    ]


@pytest.mark.postgres
def test_scheduler_command_once_with_two_processes(postgres_runtime, tmp_path):
    """Two `eingang scheduler --once` processes at the same time: one sweeper/SLA run per period."""
    import json
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "EINGANG_DATABASE_URL": postgres_runtime.settings.database_url,
        "EINGANG_SWEEPER_INTERVAL_SECONDS": "86400",
        "EINGANG_SLA_CHECK_INTERVAL_SECONDS": "86400",
    }
    env.pop("EINGANG_REDIS_URL", None)
    command = [sys.executable, "-m", "eingang.cli.main", "scheduler", "--once", "--format", "json"]
    processes = [
        subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [json.loads(p.communicate(timeout=120)[0]) for p in processes]
    assert all(p.returncode == 0 for p in processes)
    assert sum(1 for out in outputs if out["sweeper"] is not None) == 1
    assert sum(1 for out in outputs if out["sla"] is not None) == 1
    with session_scope(postgres_runtime.engine) as session:
        jobs = sorted(r.job for r in session.exec(select(PeriodicRun)))
    assert jobs.count("sweeper") == 1 and jobs.count("sla") == 1


def test_digest_time_and_time_zone_are_validated():
    import pytest
    from pydantic import ValidationError

    from tests.conftest import make_settings

    assert make_settings(digest_time="7:05").digest_time == "07:05"
    with pytest.raises(ValidationError, match="HH:MM"):
        make_settings(digest_time="7.30")
    with pytest.raises(ValidationError, match="unknown time zone"):
        make_settings(local_timezone="Mars/Base")


def test_housekeeping_forgets_old_run_records(sqlite_runtime):
    with session_scope(sqlite_runtime.engine) as session:
        session.add(PeriodicRun(job="sweeper", period="1", started_at=MONDAY_0800_BERLIN - timedelta(days=40)))
        session.add(PeriodicRun(job="sweeper", period="2", started_at=MONDAY_0800_BERLIN - timedelta(days=3)))
    result = run_due_jobs(sqlite_runtime, now=MONDAY_0800_BERLIN)
    assert result["housekeeping"] == {"deleted_runs": 1}
    with session_scope(sqlite_runtime.engine) as session:
        periods = sorted(r.period for r in session.exec(select(PeriodicRun).where(PeriodicRun.job == "sweeper")))
    assert "1" not in periods and "2" in periods
