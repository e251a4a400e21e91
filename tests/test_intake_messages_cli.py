"""``eingang messages list|reprocess``: every stored message is listed with its status and
error; failed ones keep their raw bytes and are processed again on request."""

from __future__ import annotations

import json
from email.message import EmailMessage

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from casework.pipeline import mark_failed
from casework.processing import process_message
from eingang.cli.main import app
from intake.channel import store_raw
from models import Consultation, InboundMessage, session_scope

GARBAGE = b"%PDF-1.4 not a mail\r\n\r\nsome bytes\r\n"


def _mail(subject: str, message_id: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Hauptamt <hauptamt@vg-leinetal.de>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message.set_content("Ist ein DMS nach ThürEGovRL förderfähig?")
    return message.as_bytes()


@pytest.fixture(params=["sqlite_runtime", pytest.param("postgres_runtime", marks=pytest.mark.postgres)])
def runtime(request):
    """The same tests on SQLite and on the real PostgreSQL."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def cli(runtime, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no developer .env
    monkeypatch.setenv("EINGANG_DATABASE_URL", runtime.settings.database_url)
    monkeypatch.delenv("EINGANG_REDIS_URL", raising=False)
    monkeypatch.delenv("EINGANG_RELAY_HOST", raising=False)
    runner = CliRunner()

    def run(*args: str, code: int = 0):
        outcome = runner.invoke(app, list(args))
        assert outcome.exit_code == code, outcome.output
        return outcome

    return run


@pytest.fixture
def stored(runtime, queue_for):
    """A processed mail, an unreadable one (failed by the real pipeline) and one still waiting."""
    queue_for(runtime)
    good, _ = store_raw(runtime.engine, _mail("Förderung DMS", "<good@vg-leinetal.de>"), channel="smtp")
    bad, _ = store_raw(runtime.engine, GARBAGE, channel="imap")
    waiting, _ = store_raw(runtime.engine, _mail("Noch offen", "<wait@vg-leinetal.de>"), channel="file")
    process_message(runtime, good)
    process_message(runtime, bad)
    return {"good": good, "bad": bad, "waiting": waiting}


def test_list_prints_every_message_with_status_error_and_consultation(cli, stored, runtime):
    rows = {row["id"]: row for row in json.loads(cli("messages", "list", "--format", "json").stdout)}
    assert set(rows) == set(stored.values())
    required = {"id", "message_id", "channel", "status", "error", "from", "subject", "auto_reply", "consultation"}
    assert all(required <= set(row) for row in rows.values())

    good, bad, waiting = rows[stored["good"]], rows[stored["bad"]], rows[stored["waiting"]]
    assert good["status"] == "processed" and good["consultation"].startswith("KV-")
    assert good["from"] == "hauptamt@vg-leinetal.de" and good["subject"] == "Förderung DMS"
    assert good["auto_reply"] is False and good["error"] is None and good["channel"] == "smtp"
    assert bad["status"] == "failed" and "UnreadableMessage" in bad["error"] and bad["consultation"] is None
    assert waiting["status"] == "received" and waiting["subject"] == "Noch offen"  # read from the raw headers
    assert waiting["message_id"] == "<wait@vg-leinetal.de>"

    failed = json.loads(cli("messages", "list", "--failed", "--format", "json").stdout)
    assert [row["id"] for row in failed] == [stored["bad"]]
    text = cli("messages", "list", "--failed").stdout
    assert "Fehler: UnreadableMessage" in text


def test_reprocess_one_failed_message(cli, stored, runtime):
    # A mail that failed earlier (e.g. a bug since fixed) keeps raw bytes and error until reprocessed.
    with session_scope(runtime.engine) as session:
        mark_failed(session, stored["waiting"], "RuntimeError: Klassifikator nicht erreichbar")
    assert len(json.loads(cli("messages", "list", "--failed", "--format", "json").stdout)) == 2

    (row,) = json.loads(cli("messages", "reprocess", str(stored["waiting"]), "--format", "json").stdout)

    assert row["status"] == "processed" and row["error"] is None and row["consultation"].startswith("KV-")
    remaining = json.loads(cli("messages", "list", "--failed", "--format", "json").stdout)
    assert [r["id"] for r in remaining] == [stored["bad"]]


def test_reprocess_failed_keeps_the_unreadable_one_failed(cli, stored, runtime):
    outcome = cli("messages", "reprocess", "--failed", "--format", "json", code=1)
    (row,) = json.loads(outcome.stdout)
    assert row["id"] == stored["bad"] and row["status"] == "failed" and row["attempts"] == 2
    with session_scope(runtime.engine) as session:
        assert session.get(InboundMessage, stored["bad"]).raw == GARBAGE  # never lost


def test_reprocessing_a_processed_message_changes_nothing(cli, stored, runtime):
    before = json.loads(cli("messages", "list", "--format", "json").stdout)
    (row,) = json.loads(cli("messages", "reprocess", str(stored["good"]), "--format", "json").stdout)
    assert row["consultation"] == next(r["consultation"] for r in before if r["id"] == stored["good"])
    with session_scope(runtime.engine) as session:
        assert len(session.exec(select(Consultation)).all()) == 1


def test_reprocess_needs_exactly_one_target(cli, stored):
    assert "genau eines" in cli("messages", "reprocess", code=2).output
    assert "gibt es nicht" in cli("messages", "reprocess", "999999", code=1).output
