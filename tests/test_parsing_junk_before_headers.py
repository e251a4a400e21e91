"""A mail whose first line(s) are junk before the header fields (gateways and "save as" tools
prepend ``---- Original email message ----``; Zammad's corpus mail068 is one): the headers are
recovered as Zammad's parser does (the Ruby ``mail`` gem skips header lines without a valid
field name), so the sender, subject and date survive — through `eingang ingest`, the intake
check, the acknowledgement rules and the message list alike."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from intake.channel import require_headers
from intake.parsing import parse, read_headers
from tests.conftest import make_settings, migrated_runtime
from tests.helpers import cli_env, run_cli

JUNK_FIRST = (
    b"---- Original email message ----\r\n"
    b"Return-Path: <kaemmerei@gemeinde-wiesenthal.de>\r\n"
    b"From: =?utf-8?q?K=C3=A4mmerei_Wiesenthal?= <kaemmerei@gemeinde-wiesenthal.de>\r\n"
    b"To: egovernment@tfm.thueringen.de\r\n"
    b"Subject: =?utf-8?q?F=C3=B6rderung_f=C3=BCr_ein_Ratsinformationssystem?=\r\n"
    b"Date: Tue, 03 Nov 2026 09:12:00 +0100\r\n"
    b"Message-ID: <junk-first-1@gemeinde-wiesenthal.de>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
) + (
    "Guten Tag,\r\nist ein Ratsinformationssystem nach der ThürEGovRL förderfähig?\r\n\r\n"
    "Mit freundlichen Grüßen\r\nKämmerei\r\nGemeinde Wiesenthal\r\n".encode()
)
# Two junk lines, one of them empty-looking, and an automatic mail's marker after them.
TWO_JUNK_LINES_AUTOMATIC = (
    b"=== forwarded by gateway ===\r\n"
    b"-----Original Message-----\r\n"
    b"From: Hauptamt <hauptamt@vg-leinetal.de>\r\n"
    b"To: egovernment@tfm.thueringen.de\r\n"
    b"Subject: Abwesenheitsnotiz\r\n"
    b"Auto-Submitted: auto-replied\r\n"
    b"Message-ID: <junk-first-2@vg-leinetal.de>\r\n"
    b"\r\n"
    b"Ich bin bis Montag nicht im Haus.\r\n"
)


def test_headers_after_junk_lines_are_recovered():
    require_headers(JUNK_FIRST)  # used to raise: "keine Kopfzeilen gefunden"
    headers = read_headers(JUNK_FIRST)
    assert headers["Message-ID"] == "<junk-first-1@gemeinde-wiesenthal.de>"
    parsed = parse(JUNK_FIRST)
    assert parsed.sender.address == "kaemmerei@gemeinde-wiesenthal.de"
    assert parsed.sender.name == "Kämmerei Wiesenthal"
    assert parsed.subject == "Förderung für ein Ratsinformationssystem"
    assert parsed.date == datetime(2026, 11, 3, 8, 12, tzinfo=UTC)
    assert parsed.new_text.startswith("Guten Tag,")
    assert "Original email message" not in parsed.new_text

    automatic = read_headers(TWO_JUNK_LINES_AUTOMATIC)
    assert automatic["Auto-Submitted"] == "auto-replied" and automatic["Subject"] == "Abwesenheitsnotiz"
    assert parse(TWO_JUNK_LINES_AUTOMATIC).auto_reply


def test_junk_lines_do_not_hide_the_acknowledgement_rules():
    from casework.acknowledgements import refusal_reason

    reason = refusal_reason(
        parse(TWO_JUNK_LINES_AUTOMATIC),
        TWO_JUNK_LINES_AUTOMATIC,
        channel="smtp",
        envelope_from="hauptamt@vg-leinetal.de",
        recipient="hauptamt@vg-leinetal.de",
        own_addresses={"egovernment@tfm.thueringen.de"},
        sent_last_day=0,
        daily_limit=3,
    )
    assert reason is not None and "automatisch" in reason


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'junk.db'}"
    migrated_runtime(make_settings(database_url=url)).engine.dispose()
    return url


def test_eingang_ingest_keeps_sender_and_subject_of_a_mail_with_junk_first(tmp_path, database):
    path = tmp_path / "weitergeleitet.eml"
    path.write_bytes(JUNK_FIRST)
    env = cli_env(database_url=database, environment="development")
    result = json.loads(run_cli(["ingest", str(path), "--format", "json"], env, cwd=tmp_path).stdout)
    assert result[0]["status"] == "processed", result
    rows = json.loads(run_cli(["consultations", "list", "--format", "json"], env, cwd=tmp_path).stdout)
    assert len(rows) == 1
    assert rows[0]["sender"] == "kaemmerei@gemeinde-wiesenthal.de"
    assert rows[0]["subject"] == "Förderung für ein Ratsinformationssystem"
    listed = json.loads(run_cli(["messages", "list", "--format", "json"], env, cwd=tmp_path).stdout)
    assert listed[0]["from"] == "kaemmerei@gemeinde-wiesenthal.de"


def test_message_list_reads_unprocessed_headers_past_junk_lines():
    from eingang.cli.message_commands import _headers_of

    assert _headers_of(JUNK_FIRST) == ("kaemmerei@gemeinde-wiesenthal.de", "Förderung für ein Ratsinformationssystem")
