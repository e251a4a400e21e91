"""What the case page shows and saves (issue 13, "What the case page and the dashboard show"),
over real HTTP against the app as ``eingang serve`` runs it (uvicorn on a loopback port, the
real pipeline, SQLite and PostgreSQL): the chosen authority candidate is saved, confirmed and
learned; the status dropdown preselects the current status; the audit trail reads as German
sentences; priority follows the topics unless a consultant set it; times are local."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlencode

import httpx
import pytest
from sqlmodel import Session, select

from eingang.runtime import Runtime
from models import Consultation, KnownSender
from tests.conftest import free_port
from tests.test_web_support import PASSWORD, add_user, csrf_from, ingest, mail, web_runtime
from web.server import start_web_server

WEISSBACH, WIESENTHAL = "16074108", "16063086"
TWO_PLACES = (
    "Sehr geehrte Damen und Herren,\nwir haben eine Frage zum OZG.\n\nMit freundlichen Grüßen\n"
    "Anna Muster\nGemeinde Weißbach\nGemeinde Wiesenthal"
)


@dataclass
class Served:
    runtime: Runtime
    http: httpx.Client


def _serve(runtime: Runtime) -> Iterator[Served]:
    add_user(runtime, "anna", "berater")
    server = start_web_server(runtime, host="127.0.0.1", port=free_port())
    try:
        with httpx.Client(base_url=server.url, timeout=30) as http:
            page = http.get("/anmelden")
            response = http.post(
                "/anmelden",
                data={"username": "anna", "password": PASSWORD, "csrf_token": csrf_from(page.text), "next": "/eingang"},
            )
            assert response.status_code == 303, response.text
            yield Served(runtime, http)
    finally:
        server.stop()
        runtime.engine.dispose()


@pytest.fixture
def served(tmp_path) -> Iterator[Served]:
    yield from _serve(web_runtime(f"sqlite:///{tmp_path / 'records.db'}"))


@pytest.fixture
def served_pg(postgres_url) -> Iterator[Served]:
    yield from _serve(web_runtime(postgres_url))


def _row(runtime: Runtime, reference: str) -> Consultation:
    with Session(runtime.engine) as session:
        return session.exec(select(Consultation).where(Consultation.reference == reference)).one()


def _form(html: str, action: str) -> str:
    found = re.search(rf'<form method="post" action="{re.escape(action)}"[^>]*>(.*?)</form>', html, re.S)
    assert found, f"no form posting to {action}"
    return found.group(1)


def _form_fields(form_html: str, *, checked: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """What a browser submits for this form: text/hidden inputs with their values, the radio
    or checkbox of ``checked[name] == value`` (else the ones marked checked)."""
    fields = []
    for tag in re.findall(r"<input\b[^>]*>", form_html):
        name = re.search(r'name="([^"]*)"', tag)
        if not name:
            continue
        kind = (re.search(r'type="([^"]*)"', tag) or [None, "text"])[1]
        value = unescape((re.search(r'value="([^"]*)"', tag) or [None, ""])[1])
        if kind in ("radio", "checkbox"):
            wanted = (checked or {}).get(name.group(1))
            if (wanted is None and " checked" not in tag) or (wanted is not None and wanted != value):
                continue
        fields.append((name.group(1), value))
    return fields


def _submit(http: httpx.Client, action: str, fields: list[tuple[str, str]]) -> httpx.Response:
    """POST the fields as a browser does (repeated names kept, in document order)."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    return http.post(action, content=urlencode(fields), headers=headers)


def test_choosing_an_offered_candidate_saves_confirms_and_learns_it(served):
    reference = ingest(served.runtime, mail(body=TWO_PLACES, sender="Gemeinde Weißbach <info@weissbach.de>"))
    before = _row(served.runtime, reference)
    assert before.authority_key == WEISSBACH  # the machine's suggestion
    assert WIESENTHAL in [c["key"] for c in before.suggested_authority["candidates"]]

    page = served.http.get(f"/faelle/{reference}")
    action = f"/faelle/{reference}/behoerde"
    fields = _form_fields(_form(page.text, action), checked={"candidate": WIESENTHAL, "authority_key": WIESENTHAL})
    response = _submit(served.http, action, fields)
    assert response.status_code == 303

    after = _row(served.runtime, reference)
    assert after.authority_key == WIESENTHAL and after.authority_confirmed
    assert after.suggested_authority == before.suggested_authority  # the suggestion stays as it was
    with Session(served.runtime.engine) as session:
        learned = session.get(KnownSender, "info@weissbach.de")
    assert learned is not None and learned.authority_key == WIESENTHAL
    assert "Behörde gespeichert." in served.http.get(f"/faelle/{reference}").text


def test_choosing_a_candidate_without_a_machine_suggestion(served):
    body = TWO_PLACES.replace(
        "Gemeinde Weißbach\nGemeinde Wiesenthal", "Hauptamt\nGemeinde Weißbach und Gemeinde Wiesenthal"
    )
    reference = ingest(served.runtime, mail(body=body, sender="Anna Muster <anna.muster@web.de>"))
    before = _row(served.runtime, reference)
    assert before.authority_key is None and len(before.suggested_authority["candidates"]) == 2

    page = served.http.get(f"/faelle/{reference}")
    action = f"/faelle/{reference}/behoerde"
    fields = _form_fields(_form(page.text, action), checked={"candidate": WEISSBACH, "authority_key": WEISSBACH})
    _submit(served.http, action, fields)

    after = _row(served.runtime, reference)
    assert after.authority_key == WEISSBACH and after.authority_confirmed
    assert "Keine Behörde verknüpft" not in served.http.get(f"/faelle/{reference}").text


def test_a_typed_key_wins_over_a_checked_candidate(served):
    reference = ingest(served.runtime, mail(body=TWO_PLACES, sender="Gemeinde Weißbach <info@weissbach.de>"))
    page = served.http.get(f"/faelle/{reference}")
    action = f"/faelle/{reference}/behoerde"
    fields = [
        (k, "16061089" if k == "authority_key" and not v else v) for k, v in _form_fields(_form(page.text, action))
    ]
    _submit(served.http, action, fields)
    assert _row(served.runtime, reference).authority_key == "16061089"


def _section(html: str, section_id: str) -> str:
    found = re.search(rf'<section id="{section_id}".*?</section>', html, re.S)
    assert found, f"no section {section_id}"
    return found.group(0)


def _selected_option(html: str, select_id: str) -> str:
    select = re.search(rf'<select id="{select_id}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select {select_id}"
    options = re.findall(r'<option value="([^"]*)"([^>]*)>', select.group(1))
    chosen = [value for value, attributes in options if "selected" in attributes]
    # A browser submits the first option when none is marked selected.
    return chosen[0] if chosen else options[0][0]


def _post_page_form(served: Served, reference: str, path: str, **values: str) -> httpx.Response:
    page = served.http.get(f"/faelle/{reference}")
    action = f"/faelle/{reference}/{path}"
    fields = [(name, values.get(name, value)) for name, value in _form_fields(_form(page.text, action))]
    fields += [(name, value) for name, value in values.items() if name not in dict(fields)]
    return _submit(served.http, action, fields)


def test_status_dropdown_preselects_the_current_status(served):
    reference = ingest(served.runtime, mail())
    page = served.http.get(f"/faelle/{reference}").text
    assert _selected_option(page, "status-select") == "neu"
    # Submitting the form untouched changes nothing (it used to close the consultation).
    _post_page_form(served, reference, "status", status=_selected_option(page, "status-select"))
    assert _row(served.runtime, reference).status == "neu"
    _post_page_form(served, reference, "status", status="in_bearbeitung")
    page = served.http.get(f"/faelle/{reference}").text
    assert _selected_option(page, "status-select") == "in_bearbeitung"
    assert _row(served.runtime, reference).status == "in_bearbeitung"


def test_audit_view_reads_as_german_sentences(served):
    reference = ingest(served.runtime, mail(body=TWO_PLACES, sender="Gemeinde Weißbach <info@weissbach.de>"))
    _post_page_form(served, reference, "status", status="in_bearbeitung", reason="Rückfrage nötig")
    _post_page_form(served, reference, "prioritaet", priority="hoch")
    _post_page_form(served, reference, "zuweisen", assignee="anna")
    _submit(
        served.http,
        f"/faelle/{reference}/themen",
        [("csrf_token", csrf_from(served.http.get(f"/faelle/{reference}").text)), ("topics", "it_security")],
    )
    _post_page_form(served, reference, "behoerde", candidate=WIESENTHAL)
    _post_page_form(served, reference, "aufgaben", title="Unterlagen prüfen", due="2030-01-07")
    history = _section(served.http.get(f"/faelle/{reference}").text, "historie")
    text = unescape(re.sub(r"<[^>]+>", " ", history))
    text = " ".join(text.split())
    assert "Status: neu → in Bearbeitung (Grund: Rückfrage nötig)" in text
    assert "Priorität: normal → hoch" in text
    assert "Zuständig: niemand → anna" in text
    assert "Themen: " in text and "→ IT-Sicherheit" in text
    assert "Behörde: Weißbach (16074108) → Wiesenthal (16063086) (bestätigt)" in text
    assert "Aufgabe „Unterlagen prüfen“ angelegt, fällig am 07.01.2030" in text
    assert f"Fall {reference} angelegt" in text
    for raw in ("{", "}", "'status'", "[", "None", "authority_key"):
        assert raw not in text, f"raw value {raw!r} in the audit view: {text}"


def _dated_mail(
    date_header: str,
    subject: str = "Frage zur ThürEGovRL",
    sender: str = "Hauptamt VG Leinetal <hauptamt@vg-leinetal.de>",
) -> bytes:
    from email.message import EmailMessage
    from email.utils import make_msgid

    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Date"] = date_header
    message["Message-ID"] = make_msgid(domain="vg-leinetal.de")
    message.set_content("Guten Tag,\nist ein DMS nach der ThürEGovRL förderfähig?\n\nHauptamt\nVG Leinetal")
    return message.as_bytes()


# (Date header, local wall time in Berlin): summer time, winter time and both sides of the
# change on 29 March 2026 (01:00 UTC), also from a sender writing UTC.
DST_CASES = [
    ("Wed, 01 Apr 2026 07:58:00 +0200", "01.04.2026 07:58"),
    ("Sat, 28 Mar 2026 08:00:00 +0100", "28.03.2026 08:00"),
    ("Sun, 29 Mar 2026 00:30:00 +0000", "29.03.2026 01:30"),
    ("Sun, 29 Mar 2026 01:30:00 +0000", "29.03.2026 03:30"),
    ("Mon, 26 Oct 2026 06:15:00 -0400", "26.10.2026 11:15"),
]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_times_are_shown_in_local_time_across_the_dst_change(backend, request):
    served = request.getfixturevalue("served" if backend == "sqlite" else "served_pg")
    for date_header, local in DST_CASES:
        reference = ingest(served.runtime, _dated_mail(date_header, subject=f"Frage {date_header}"))
        page = served.http.get(f"/faelle/{reference}").text
        thread = " ".join(unescape(re.sub(r"<[^>]+>", " ", _section(page, "verlauf"))).split())
        assert f"· {local}" in thread, (date_header, local, thread[:300])


INCIDENT = (
    "Hallo,\nein Kollege hat eben auf einen Phishing-Link geklickt und sein Passwort eingegeben. "
    "Seitdem verschickt sein Postfach Spam. Was ist zu tun?\n\nIT-Abteilung\nStadt Sonneberg"
)


def _urgent_consultation(served: Served) -> str:
    reference = ingest(
        served.runtime, mail(subject="Dringend: Phishing", body=INCIDENT, sender="it@stadt-sonneberg.de")
    )
    row = _row(served.runtime, reference)
    assert row.priority == "dringend" and row.urgent_incident and "it_security" in row.topics
    return reference


def _set_topics(served: Served, reference: str, topics: list[str]) -> None:
    token = csrf_from(served.http.get(f"/faelle/{reference}").text)
    _submit(served.http, f"/faelle/{reference}/themen", [("csrf_token", token), *(("topics", t) for t in topics)])


def test_removing_it_security_ends_the_urgent_priority(served):
    reference = _urgent_consultation(served)
    _set_topics(served, reference, ["eligibility"])
    row = _row(served.runtime, reference)
    assert row.topics == ["eligibility"]
    assert row.priority == "normal" and not row.urgent_incident
    page = served.http.get(f"/faelle/{reference}").text
    assert _selected_option(page, "priority") == "normal"
    assert "badge urgent" not in page
    history = " ".join(unescape(re.sub(r"<[^>]+>", " ", _section(page, "historie"))).split())
    assert "Priorität folgt den Themen: dringend → normal" in history


def test_a_priority_set_by_hand_stays_when_topics_change(served):
    reference = _urgent_consultation(served)
    _post_page_form(served, reference, "prioritaet", priority="hoch")
    _set_topics(served, reference, ["eligibility"])
    assert _row(served.runtime, reference).priority == "hoch"
    _post_page_form(served, reference, "prioritaet", priority="dringend")
    _set_topics(served, reference, ["ozg_duties"])
    assert _row(served.runtime, reference).priority == "dringend"


def test_inbox_date_filter_counts_local_days(served):
    from datetime import UTC, datetime

    from models import session_scope

    reference = ingest(served.runtime, mail(subject="Kurz nach Mitternacht"))
    with session_scope(served.runtime.engine) as session:
        row = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
        row.received_at = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)  # 1 April, 00:30 in Berlin
    april = served.http.get("/eingang?status=alle&von=2026-04-01&bis=2026-04-01").text
    march = served.http.get("/eingang?status=alle&von=2026-03-01&bis=2026-03-31").text
    assert reference in april and reference not in march
    page = served.http.get(f"/faelle/{reference}").text
    assert "Eingang 01.04.2026 00:30" in page
