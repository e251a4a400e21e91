"""The processing path on the embedded default: store → process → consultation, idempotent;
and `eingang ingest` for .eml and mbox files."""

from __future__ import annotations

import json
import mailbox
import time
from pathlib import Path

from sqlmodel import Session, func, select

from casework.pipeline import process_stored_message
from intake.channel import store_raw
from models import AuditEntry, Consultation, ConsultationMessage, FollowUpTask, InboundMessage
from tests.helpers import cli_env, municipal_mail, run_cli


def _counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (InboundMessage, Consultation, ConsultationMessage, FollowUpTask, AuditEntry)
        }


def test_processing_the_same_stored_message_twice_changes_nothing(sqlite_runtime):
    raw = municipal_mail(message_id="<idem-1@vg-leinetal.de>").as_bytes()
    inbound_id, created = store_raw(sqlite_runtime.engine, raw, channel="smtp")
    again_id, created_again = store_raw(sqlite_runtime.engine, raw, channel="smtp")
    assert created and not created_again and again_id == inbound_id

    with Session(sqlite_runtime.engine) as session:
        first = process_stored_message(session, inbound_id, runtime=sqlite_runtime)
        session.commit()
    before = _counts(sqlite_runtime.engine)
    with Session(sqlite_runtime.engine) as session:
        second = process_stored_message(session, inbound_id, runtime=sqlite_runtime)
        session.commit()
    assert first.created and first.reference
    assert second.already_processed and second.reference == first.reference
    assert _counts(sqlite_runtime.engine) == before
    assert before["Consultation"] == 1 and before["ConsultationMessage"] == 1 and before["FollowUpTask"] >= 1


def test_queue_processes_stored_message_via_actor(sqlite_runtime, queue_for):
    broker = queue_for(sqlite_runtime)
    inbound_id, _ = store_raw(sqlite_runtime.engine, municipal_mail().as_bytes(), channel="smtp")
    assert sqlite_runtime.tasks.enqueue_processing(inbound_id)
    broker.join("eingang", timeout=30_000)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with Session(sqlite_runtime.engine) as session:
            row = session.get(InboundMessage, inbound_id)
            if row.status != "received":
                break
        time.sleep(0.1)
    assert row.status == "processed", row.error
    with Session(sqlite_runtime.engine) as session:
        consultation = session.get(Consultation, row.consultation_id)
    assert "eligibility" in consultation.topics
    assert consultation.reference.startswith(f"KV-{consultation.received_at.year}-")


def test_ingest_command_reads_eml_and_mbox_and_is_idempotent(tmp_path: Path, sqlite_url: str):
    env = cli_env(database_url=sqlite_url)
    run_cli(["db", "upgrade"], env)
    eml = tmp_path / "anfrage.eml"
    eml.write_bytes(municipal_mail(message_id="<file-1@vg-leinetal.de>").as_bytes())
    box = mailbox.mbox(str(tmp_path / "postfach.mbox"))
    for index in range(2):
        box.add(municipal_mail(message_id=f"<mbox-{index}@vg-leinetal.de>", subject=f"Frage {index} zur IT-Sicherheit"))
    box.flush()
    box.close()

    first = run_cli(["ingest", str(eml), str(tmp_path / "postfach.mbox")], env)
    references = [line.split()[0] for line in first.stdout.splitlines() if line.startswith("KV-")]
    assert len(references) == 3 and len(set(references)) == 3

    again = json.loads(run_cli(["ingest", str(eml), "--format", "json"], env).stdout)
    assert again[0]["reference"] == references[0] and again[0]["new"] is False

    listed = json.loads(run_cli(["consultations", "list", "--format", "json"], env).stdout)
    assert sorted(row["reference"] for row in listed) == sorted(references)


def test_ingest_reports_missing_file_clearly(tmp_path: Path, sqlite_url: str):
    env = cli_env(database_url=sqlite_url)
    run_cli(["db", "upgrade"], env)
    result = run_cli(["ingest", str(tmp_path / "gibt-es-nicht.eml")], env, check=False)
    assert result.returncode == 1
    assert "gibt-es-nicht.eml" in result.stderr
