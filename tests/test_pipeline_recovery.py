"""Issue 16: transient failures heal themselves. The sweeper hands on only what is due (an enqueue
lease in ``retry_at``, migration 0005), a failed enqueue makes a message due at once, and
transient errors that outlast the worker's retries are retried with backoff until
EINGANG_RETRY_HORIZON_HOURS — time is passed in, so a 10-minute outage takes no 10 minutes."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session

from casework.dispatch import enqueue_or_mark_due, sweep_due
from casework.processing import process_message, retry_later
from intake.channel import store_raw
from models import InboundMessage, as_utc
from queue_workers.broker import QUEUE, broker_of
from tests.conftest import free_port, make_settings, migrated_runtime
from tests.test_pipeline_lean import mail


def queued(runtime) -> int:
    return broker_of(runtime).queues[QUEUE].qsize()


def received_at(runtime, inbound_id):
    with Session(runtime.engine) as session:
        return as_utc(session.get(InboundMessage, inbound_id).received_at)


def test_the_sweeper_does_not_re_enqueue_mail_still_waiting_in_the_queue(postgres_runtime):
    runtime = postgres_runtime  # in-process broker, no worker: enqueued mail stays waiting
    lease = runtime.settings.sweeper_min_age_seconds
    ids = [store_raw(runtime.engine, mail(30 + n), channel="smtp")[0] for n in range(3)]
    start = received_at(runtime, ids[-1])

    def sweep(after_seconds: float) -> dict:
        with Session(runtime.engine) as session:
            summary = sweep_due(
                runtime, session, older_than_seconds=lease, now=start + timedelta(seconds=after_seconds)
            )
            session.commit()
        return summary

    assert sweep(1) == {"found": 0, "enqueued": 0}  # just received (and enqueued by the channel)
    assert sweep(lease + 1) == {"found": 3, "enqueued": 3}
    assert sweep(lease + 60) == {"found": 0, "enqueued": 0}  # leased: still waiting in the queue
    assert sweep(lease + 120) == {"found": 0, "enqueued": 0}
    assert queued(runtime) == 3
    assert sweep(2 * lease + 2) == {"found": 3, "enqueued": 3}  # lease over: a lost message comes back


def test_a_failed_enqueue_makes_the_message_due_for_the_next_sweep(postgres_url):
    dead_redis = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens: the broker is down
    runtime = migrated_runtime(make_settings(database_url=postgres_url, redis_url=dead_redis))
    try:
        inbound_id, _ = store_raw(runtime.engine, mail(40), channel="smtp")
        assert enqueue_or_mark_due(runtime, inbound_id) is False
        with Session(runtime.engine) as session:
            from casework.dispatch import unprocessed_ids

            assert unprocessed_ids(session, older_than_seconds=runtime.settings.sweeper_min_age_seconds) == [inbound_id]
    finally:
        runtime.engine.dispose()


def test_a_ten_minute_database_outage_leaves_nothing_failed(postgres_runtime):
    """The worker's retries are spent after about two minutes; from then on the sweeper retries
    with backoff. Ten minutes of outage: the message stays received, due again each time."""
    runtime = postgres_runtime
    inbound_id, _ = store_raw(runtime.engine, mail(50), channel="smtp")
    start = received_at(runtime, inbound_id)
    error = "OperationalError: connection refused"
    for minute in (2, 4, 7, 10):
        now = start + timedelta(minutes=minute)
        assert retry_later(runtime, inbound_id, error, now=now) == "received"
        with Session(runtime.engine) as session:
            row = session.get(InboundMessage, inbound_id)
            assert row.status == "received" and row.error == error
            assert now < as_utc(row.retry_at) <= now + timedelta(hours=1)
    # the database is back: the sweeper hands it on when due, and it is processed
    due = as_utc(row.retry_at)
    with Session(runtime.engine) as session:
        assert sweep_due(runtime, session, older_than_seconds=600, now=due)["found"] == 1
        session.commit()
    assert process_message(runtime, inbound_id).created
    with Session(runtime.engine) as session:
        row = session.get(InboundMessage, inbound_id)
        assert row.status == "processed" and row.error is None and row.retry_at is None


def test_transient_errors_beyond_the_retry_horizon_leave_the_message_failed(postgres_url):
    runtime = migrated_runtime(make_settings(database_url=postgres_url, retry_horizon_hours=0.5))
    try:
        inbound_id, _ = store_raw(runtime.engine, mail(60), channel="smtp")
        start = received_at(runtime, inbound_id)
        assert retry_later(runtime, inbound_id, "OperationalError: x", now=start + timedelta(minutes=20)) == "received"
        with Session(runtime.engine) as session:  # the backoff never reaches past the horizon
            assert as_utc(session.get(InboundMessage, inbound_id).retry_at) <= start + timedelta(minutes=30)
        assert retry_later(runtime, inbound_id, "OperationalError: x", now=start + timedelta(minutes=31)) == "failed"
        with Session(runtime.engine) as session:
            row = session.get(InboundMessage, inbound_id)
            assert row.status == "failed" and row.error == "OperationalError: x"
    finally:
        runtime.engine.dispose()


def test_bytes_that_are_no_mail_fail_at_once_with_the_error(postgres_runtime):
    inbound_id, _ = store_raw(postgres_runtime.engine, b"\x00\x01 kein Mail", channel="smtp")
    assert process_message(postgres_runtime, inbound_id) is None
    with Session(postgres_runtime.engine) as session:
        row = session.get(InboundMessage, inbound_id)
        assert row.status == "failed" and "RFC 5322" in row.error
