"""The authority page (issue 14): ``GET /api/authorities/{key}`` and ``/behoerden/{key}`` —
the authority with its open and closed consultations, who wrote, the confirmed senders, the
topics per quarter and the last contact; a VG's page includes its member Gemeinden; only
logged-in staff see it. On SQLite and on the real PostgreSQL."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.test_web_support import add_user, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app

VG_LEINETAL = "160615009"
GEISLEDEN = "16061034"  # a member of VG Leinetal
EICHSFELD = "16061"


def post(client, reference: str, action: str, **data) -> None:
    token = csrf_from(client.get(f"/faelle/{reference}").text)
    response = client.post(f"/faelle/{reference}/{action}", data={"csrf_token": token, **data}, follow_redirects=False)
    assert response.status_code == 303, response.text


@pytest.fixture(params=["sqlite", "postgres"])
def desk(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'authority.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    runtime = web_runtime(url)
    add_user(runtime, "anna", "berater")
    token = add_user(runtime, "robot", "berater", token=True)
    with TestClient(create_app(runtime), headers={}) as client:
        client.api_token = token  # type: ignore[attr-defined]
        yield runtime, client
    runtime.engine.dispose()


def seed(runtime, client):
    """Two consultations of VG Leinetal (one closed, authority confirmed), one of its member
    Geisleden, one of the Landkreis Eichsfeld."""
    first = ingest(runtime, mail())
    second = ingest(
        runtime,
        mail(
            "Frist für OZG-Leistungen",
            "Bis wann müssen wir die OZG-Leistungen anbieten?\n\nGrüße\nMaria Schulz\nVG Leinetal",
            sender="Maria Schulz <m.schulz@vg-leinetal.de>",
        ),
    )
    member = ingest(runtime, mail("Geisleden: DMS", "Frage der Gemeinde Geisleden.", sender="info@geisleden.de"))
    district = ingest(runtime, mail("Kreis: ISMS", "Frage des Landratsamts.", sender="it@kreis-eic.de"))
    assert login(client, "anna").status_code == 303
    post(client, first, "behoerde", authority_key=VG_LEINETAL)
    post(client, first, "status", status="abgeschlossen")
    post(client, second, "behoerde", authority_key=VG_LEINETAL)
    post(client, member, "behoerde", authority_key=GEISLEDEN)
    post(client, district, "behoerde", authority_key=EICHSFELD)
    return first, second, member, district


def test_api_answers_the_authority_and_its_consultations(desk):
    runtime, client = desk
    first, second, member, district = seed(runtime, client)
    body = client.get(f"/api/authorities/{VG_LEINETAL}").json()
    assert body["key"] == VG_LEINETAL and body["name"] == "VG Leinetal"
    assert body["kind"] == "Verwaltungsgemeinschaft" and body["district"] == EICHSFELD
    assert GEISLEDEN in body["member_keys"]
    references = [c["reference"] for c in body["consultations"]]
    assert set(references) == {first, second, member} and district not in references
    assert references == sorted(references, reverse=True)  # newest first
    assert (body["open_count"], body["closed_count"]) == (2, 1)
    statuses = {c["reference"]: c["status"] for c in body["consultations"]}
    assert statuses[first] == "abgeschlossen"
    senders = {c["address"]: c for c in body["correspondents"]}
    assert senders["m.schulz@vg-leinetal.de"]["name"] == "Maria Schulz"
    assert senders["m.schulz@vg-leinetal.de"]["messages"] == 1
    assert "hauptamt@vg-leinetal.de" in senders and "info@geisleden.de" in senders
    # Saving an authority records its sender as confirmed (workflow.confirm_authority); the
    # member's confirmed sender is on the VG's page too, the Landkreis's is not.
    confirmed = {s["address"]: s for s in body["confirmed_senders"]}
    assert set(confirmed) == {"hauptamt@vg-leinetal.de", "m.schulz@vg-leinetal.de", "info@geisleden.de"}
    assert confirmed["hauptamt@vg-leinetal.de"]["confirmed_by"] == "anna"
    assert confirmed["info@geisleden.de"]["authority_key"] == GEISLEDEN
    assert body["last_contact"].endswith("+00:00")
    quarter = body["topics_by_quarter"][0]
    assert quarter["quarter"].count("-Q") == 1 and sum(quarter["topics"].values()) >= 3

    # A Gemeinde and a Landkreis have pages too; a key nobody knows is a 404 in German.
    geisleden = client.get(f"/api/authorities/{GEISLEDEN}").json()
    assert geisleden["name"] == "Geisleden" and [c["reference"] for c in geisleden["consultations"]] == [member]
    eichsfeld = client.get(f"/api/authorities/{EICHSFELD}").json()
    assert eichsfeld["name"] == "Landkreis Eichsfeld"
    assert [c["reference"] for c in eichsfeld["consultations"]] == [district]
    missing = client.get("/api/authorities/99999999")
    assert missing.status_code == 404 and "Keine Behörde" in missing.json()["detail"]


def test_page_lists_cases_people_and_topics_and_is_linked_from_case_and_inbox(desk):
    runtime, client = desk
    first, second, member, _district = seed(runtime, client)
    page = client.get(f"/behoerden/{VG_LEINETAL}")
    assert page.status_code == 200
    html = page.text
    assert "<h1>VG Leinetal" in html
    for reference in (first, second, member):
        assert f'href="/faelle/{reference}"' in html
    assert 'id="open-count">2<' in html and 'id="closed-count">1<' in html
    assert "Maria Schulz" in html and "Bestätigte Absender" in html and "hauptamt@vg-leinetal.de" in html
    assert "Themen nach Quartal" in html and " Q" in html
    assert f'href="/behoerden/{GEISLEDEN}"' in html  # the member's row links to its own page
    assert f'href="/behoerden/{VG_LEINETAL}"' in client.get(f"/faelle/{second}").text
    assert f'href="/behoerden/{VG_LEINETAL}"' in client.get("/eingang").text
    assert f'href="/behoerden/{VG_LEINETAL}"' in client.get("/eingang?q=OZG").text  # search results too
    assert client.get("/behoerden/99999999").status_code == 404


def test_only_logged_in_staff_see_it(desk):
    runtime, client = desk
    ingest(runtime, mail())
    assert client.get(f"/api/authorities/{VG_LEINETAL}").status_code == 401
    wrong = client.get(f"/api/authorities/{VG_LEINETAL}", headers={"Authorization": "Bearer falsch"})
    assert wrong.status_code == 401
    scripted = client.get(f"/api/authorities/{VG_LEINETAL}", headers={"Authorization": f"Bearer {client.api_token}"})
    assert scripted.status_code == 200 and len(scripted.json()["consultations"]) == 1
    response = client.get(f"/behoerden/{VG_LEINETAL}", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/anmelden")
