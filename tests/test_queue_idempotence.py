"""Processing a stored message is idempotent: a second delivery changes nothing, and a
duplicate delivery that loses a race does not mark the winner's result failed."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import func, select

from casework import processing
from intake.channel import store_raw
from models import ConsultationMessage, FollowUpTask, InboundMessage, session_scope
from tests.test_queue_resilience import mail


def test_second_delivery_changes_nothing_and_a_losing_duplicate_does_not_fail_it(sqlite_runtime, monkeypatch):
    runtime = sqlite_runtime
    inbound_id, _ = store_raw(sqlite_runtime.engine, mail("Förderfähigkeit DMS").as_bytes(), channel="smtp")
    processing.process_message(runtime, inbound_id)
    processing.process_message(runtime, inbound_id)  # redelivery (sweeper, dramatiq after a lost ack)

    def lost_race(*_args, **_kwargs):
        raise IntegrityError("INSERT INTO consultation_message", {}, Exception("UNIQUE constraint failed"))

    monkeypatch.setattr(processing, "process_stored_message", lost_race)
    processing.process_message(runtime, inbound_id)  # a concurrent duplicate that lost the unique-constraint race

    with session_scope(sqlite_runtime.engine) as session:
        row = session.get(InboundMessage, inbound_id)
        threads = session.exec(select(func.count()).select_from(ConsultationMessage)).one()
        keys = list(session.exec(select(FollowUpTask.template_key)))
    assert (row.status, row.error, row.attempts) == ("processed", None, 0)
    assert threads == 1
    assert len(keys) == len(set(keys))

    # A message that was never processed is marked failed with the error.
    other_id, _ = store_raw(sqlite_runtime.engine, mail("Noch eine Frage").as_bytes(), channel="smtp")
    processing.process_message(runtime, other_id)
    with session_scope(sqlite_runtime.engine) as session:
        other = session.get(InboundMessage, other_id)
    assert other.status == "failed" and other.error.startswith("IntegrityError:")
