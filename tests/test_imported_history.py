"""`eingang ingest` of an old mailbox (issue 13: "Imported mail is dated by the import"): each
consultation is dated by its mail's own ``Date`` (sanity-checked), so its age, the inbox date
filter and the dashboard figures show the real history; the ministry's own answers in the
mailbox are recorded as answers (outbound, first response at their Date), so the response
times are real. Run with the real command line on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import mailbox
from datetime import UTC, date, datetime
from email.message import EmailMessage

import pytest
from sqlmodel import Session, select

from models import Consultation, ConsultationMessage, InboundMessage, as_utc, utcnow
from tests.conftest import make_settings, migrated_runtime
from tests.helpers import cli_env, run_cli
from web.inbox import InboxFilter, age_label, inbox_query
from web.statistics import Period, table_by_key

MINISTRY = "Kompetenzzentrum Verwaltung 4.0 <kompetenzzentrum@tfm.thueringen.de>"


def _mail(sender: str, subject: str, date_header: str, message_id: str, body: str, **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Date"] = date_header
    message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


HISTORY = [
    _mail(
        "Hauptamt VG Leinetal <hauptamt@vg-leinetal.de>",
        "Förderfähigkeit eines DMS",
        "Tue, 05 Mar 2024 09:00:00 +0100",
        "<q1@vg-leinetal.de>",
        "Guten Tag,\nist ein DMS nach der ThürEGovRL förderfähig?\n\nHauptamt\nVG Leinetal",
    ),
    _mail(
        MINISTRY,
        "AW: Förderfähigkeit eines DMS",
        "Thu, 07 Mar 2024 15:30:00 +0100",
        "<a1@tfm.thueringen.de>",
        "Sehr geehrte Damen und Herren,\nja, ein DMS ist förderfähig.\n\nIhr Kompetenzzentrum",
        In_Reply_To="<q1@vg-leinetal.de>",
        References="<q1@vg-leinetal.de>",
    ),
    _mail(
        "IT Stadt Sonneberg <it@stadt-sonneberg.de>",
        "Phishing-Mail im Rathaus",
        "Thu, 10 Jul 2025 08:00:00 +0200",
        "<q2@stadt-sonneberg.de>",
        "Hallo,\nein Kollege hat auf einen Phishing-Link geklickt. Was ist zu tun?\n\nIT-Abteilung",
    ),
    _mail(  # a broken clock: a Date in the future is not believed
        "Gemeinde Weißbach <info@weissbach.de>",
        "Frage zum OZG-Onlinedienst",
        "Fri, 01 Jan 2049 10:00:00 +0100",
        "<q3@weissbach.de>",
        "Guten Tag,\nbis wann müssen wir den Onlinedienst nach dem OZG anbinden?\n\nGemeinde Weißbach",
    ),
    _mail(  # the ministry's own circular that answers nothing: no consultation of its own
        MINISTRY,
        "Rundschreiben: neue Förderrichtlinie",
        "Mon, 02 Feb 2026 10:00:00 +0100",
        "<r1@tfm.thueringen.de>",
        "Liebe Kolleginnen und Kollegen,\ndie neue Richtlinie ist veröffentlicht.",
    ),
]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'history.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    runtime = migrated_runtime(make_settings(database_url=url))
    yield runtime
    runtime.engine.dispose()


def _ingest_history(tmp_path, runtime) -> list[dict]:
    path = tmp_path / "altes-postfach.mbox"
    box = mailbox.mbox(path)
    for message in HISTORY:
        box.add(message)
    box.flush()
    box.close()
    env = cli_env(database_url=runtime.settings.database_url, environment="development")
    return json.loads(run_cli(["ingest", str(path), "--format", "json"], env, cwd=tmp_path).stdout)


def test_imported_mailbox_keeps_its_dates_and_its_answers(tmp_path, database):
    started = utcnow()
    results = _ingest_history(tmp_path, database)
    assert [r["status"] for r in results] == ["processed"] * len(HISTORY), results

    with Session(database.engine) as session:
        rows = {c.subject: c for c in session.exec(select(Consultation))}
        assert set(rows) == {"Förderfähigkeit eines DMS", "Phishing-Mail im Rathaus", "Frage zum OZG-Onlinedienst"}
        dms, phishing, future = (
            rows["Förderfähigkeit eines DMS"],
            rows["Phishing-Mail im Rathaus"],
            rows["Frage zum OZG-Onlinedienst"],
        )
        # Dated by the mail, not by the import; the future Date falls back to the arrival.
        assert as_utc(dms.received_at) == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
        assert as_utc(phishing.received_at) == datetime(2025, 7, 10, 6, 0, tzinfo=UTC)
        assert as_utc(future.received_at) >= started
        assert dms.reference.startswith("KV-2024-") and phishing.reference.startswith("KV-2025-")
        assert age_label(dms.received_at).startswith("vor ") and "Tagen" in age_label(dms.received_at)

        # The ministry's answer is an answer: outbound in the thread, first response at its Date.
        answer = session.exec(
            select(ConsultationMessage).where(ConsultationMessage.message_id == "<a1@tfm.thueringen.de>")
        ).one()
        assert answer.consultation_id == dms.id and answer.direction == "outbound"
        assert as_utc(answer.sent_at) == datetime(2024, 3, 7, 14, 30, tzinfo=UTC)
        assert as_utc(dms.first_response_at) == datetime(2024, 3, 7, 14, 30, tzinfo=UTC)
        assert dms.status == "beantwortet"
        assert phishing.first_response_at is None and phishing.status == "neu"
        circular = session.exec(
            select(InboundMessage).where(InboundMessage.message_id == "<r1@tfm.thueringen.de>")
        ).one()
        assert circular.status == "processed" and circular.consultation_id is None

        # The inbox date filter and the dashboard follow the mails' dates.
        march = InboxFilter(status="alle", received_from=date(2024, 3, 1), received_to=date(2024, 3, 31))
        assert [c.subject for c in inbox_query(session, march)] == ["Förderfähigkeit eines DMS"]
        period = Period(date(2024, 1, 1), date(2025, 12, 31))
        by_month = table_by_key(session, "themen_monate", period, database.taxonomy)
        months = {row[0]: row[-1] for row in by_month.rows}
        assert months["2024-03"] == 1 and months["2025-07"] == 1 and sum(months.values()) == 2
        figures = {row[0]: row[1] for row in table_by_key(session, "antwortzeiten", period, database.taxonomy).rows}
        assert figures["Fälle im Zeitraum"] == 2 and figures["davon beantwortet"] == 1
        assert figures["Median Zeit bis zur ersten Antwort (Stunden)"] == 54.5  # 5 Mar 09:00 → 7 Mar 15:30


def test_own_address_on_a_live_channel_is_not_taken_for_an_answer(tmp_path, database):
    """A From: of the ministry's address arriving over SMTP may be forged: it is no answer."""
    from casework.pipeline import process_stored_message
    from intake.channel import store_raw
    from models import session_scope

    question = HISTORY[0].as_bytes()
    forged = HISTORY[1].as_bytes()
    from email.utils import parseaddr

    from casework.pipeline import is_own_address

    assert is_own_address(parseaddr(HISTORY[1]["From"])[1], database.settings.own_addresses)  # it claims to be ours
    for raw in (question, forged):
        inbound_id, _ = store_raw(database.engine, raw, channel="smtp")
        with session_scope(database.engine) as session:
            process_stored_message(session, inbound_id, runtime=database)
    with Session(database.engine) as session:
        dms = session.exec(select(Consultation).where(Consultation.subject == "Förderfähigkeit eines DMS")).one()
        assert dms.first_response_at is None
        directions = session.exec(
            select(ConsultationMessage.direction).where(ConsultationMessage.consultation_id == dms.id)
        ).all()
        assert directions == ["inbound", "inbound"]
        # Live SMTP mail is dated by its arrival (a sender's clock does not move the SLA).
        assert as_utc(dms.received_at) > datetime(2026, 1, 1, tzinfo=UTC)


def test_polled_imap_mail_is_dated_by_its_date_and_absurd_dates_are_not_believed(database):
    from casework.pipeline import process_stored_message
    from intake.channel import store_raw
    from models import session_scope

    old = _mail(
        "Hauptamt VG Leinetal <hauptamt@vg-leinetal.de>",
        "Alte Frage aus dem Postfach",
        "Mon, 14 Oct 2024 10:00:00 +0200",
        "<imap-old@vg-leinetal.de>",
        "Guten Tag,\nist ein DMS nach der ThürEGovRL förderfähig?\n\nHauptamt\nVG Leinetal",
    )
    ancient = _mail(
        "Hauptamt VG Leinetal <hauptamt@vg-leinetal.de>",
        "Datum aus dem Jahr 1971",
        "Fri, 01 Jan 1971 00:00:00 +0000",
        "<imap-1971@vg-leinetal.de>",
        "Guten Tag,\nbis wann gilt das OZG für uns?\n\nHauptamt\nVG Leinetal",
    )
    started = utcnow()
    for message in (old, ancient):
        inbound_id, _ = store_raw(database.engine, message.as_bytes(), channel="imap")
        with session_scope(database.engine) as session:
            process_stored_message(session, inbound_id, runtime=database)
    with Session(database.engine) as session:
        rows = {c.subject: c for c in session.exec(select(Consultation))}
    assert as_utc(rows["Alte Frage aus dem Postfach"].received_at) == datetime(2024, 10, 14, 8, 0, tzinfo=UTC)
    assert as_utc(rows["Datum aus dem Jahr 1971"].received_at) >= started
