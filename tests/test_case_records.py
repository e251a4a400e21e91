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
    body = TWO_PLACES.replace("Gemeinde Weißbach\nGemeinde Wiesenthal", "Hauptamt\nGemeinde Weißbach und Gemeinde Wiesenthal")
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
    fields = [(k, "16061089" if k == "authority_key" and not v else v) for k, v in _form_fields(_form(page.text, action))]
    _submit(served.http, action, fields)
    assert _row(served.runtime, reference).authority_key == "16061089"
