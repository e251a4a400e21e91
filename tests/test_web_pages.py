"""The web pages through a real ASGI client: login, permissions, CSRF, triage actions, the
sanitised thread, attachments, failed messages, dashboard and exports."""

from __future__ import annotations

import io
import re
import time

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session, select

from casework.pipeline import mark_failed
from intake.channel import store_raw
from models import AuditEntry, Channel, FollowUpTask, InboundMessage, KnownSender, TopicCorrection, session_scope
from tests.conftest import wait_for_mail
from tests.test_web_support import (
    PASSWORD,
    add_user,
    consultation,
    csrf_from,
    ingest,
    login,
    mail,
    web_runtime,
)
from web.app import InsecureConfiguration, create_app


@pytest.fixture
def runtime(sqlite_url):
    rt = web_runtime(sqlite_url)
    add_user(rt, "anna", "berater")
    add_user(rt, "lea", "leitung")
    add_user(rt, "adam", "admin")
    yield rt
    rt.engine.dispose()


@pytest.fixture
def client(runtime):
    with TestClient(create_app(runtime)) as test_client:
        yield test_client


def logged_in(client, username="anna"):
    assert login(client, username).status_code == 303
    return client


def token(client, path="/eingang") -> str:
    return csrf_from(client.get(path).text)


def test_anonymous_is_sent_to_login_for_every_page(client, runtime):
    reference = ingest(runtime, mail())
    for path in ("/", "/eingang", f"/faelle/{reference}", "/fehlgeschlagen", "/dashboard", "/admin/benutzer"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/anmelden")
    assert client.get("/dashboard/export/kreise.csv", follow_redirects=False).status_code == 303
    filtered = client.get("/eingang?q=DMS&thema=eligibility", follow_redirects=False).headers["location"]
    assert filtered == "/anmelden?next=/eingang%3Fq%3DDMS%26thema%3Deligibility"
    page = client.get(filtered)
    assert 'name="next" value="/eingang?q=DMS&amp;thema=eligibility"' in page.text
    # POSTs without a session are refused too (CSRF first, then login)
    assert client.post(f"/faelle/{reference}/notizen", data={"text": "x"}).status_code == 403


def test_login_wrong_password_and_logout(client):
    page = client.get("/anmelden")
    assert "Benutzername" in page.text and 'lang="de"' in page.text
    bad = client.post("/anmelden", data={"username": "anna", "password": "falsch", "csrf_token": csrf_from(page.text)})
    assert bad.status_code == 401 and "Benutzername oder Passwort ist falsch" in bad.text
    good = login(client, "anna")
    assert good.status_code == 303 and good.headers["location"] == "/eingang"
    cookie = good.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/eingang").status_code == 200
    client.post("/abmelden", data={"csrf_token": token(client)})
    assert client.get("/eingang", follow_redirects=False).status_code == 303


def test_login_attempts_are_throttled(client, runtime):
    csrf = csrf_from(client.get("/anmelden").text)
    for _ in range(runtime.settings.web_login_free_attempts + 1):  # the free ones, then one that starts a delay
        response = client.post("/anmelden", data={"username": "anna", "password": "rate-mal", "csrf_token": csrf})
        assert response.status_code == 401
    blocked = client.post("/anmelden", data={"username": "Anna", "password": PASSWORD, "csrf_token": csrf})
    assert blocked.status_code == 429 and "Zu viele Anmeldeversuche" in blocked.text
    assert int(blocked.headers["retry-after"]) > 0
    assert login(client, "lea").status_code == 303  # other accounts are not affected


def test_login_refuses_foreign_redirect_target(client):
    page = client.get("/anmelden")
    response = client.post(
        "/anmelden",
        data={"username": "anna", "password": PASSWORD, "csrf_token": csrf_from(page.text), "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/"


def test_deactivated_user_loses_the_session(client, runtime):
    from models import UserAccount

    logged_in(client)
    with session_scope(runtime.engine) as session:
        session.exec(select(UserAccount).where(UserAccount.username == "anna")).one().active = False
    assert client.get("/eingang", follow_redirects=False).status_code == 303


def test_csrf_is_required_on_every_form_post(client, runtime):
    reference = ingest(runtime, mail())
    logged_in(client)
    for path, data in (
        (f"/faelle/{reference}/notizen", {"text": "Notiz"}),
        (f"/faelle/{reference}/vorschlag-bestaetigen", {}),
        (f"/faelle/{reference}/zuweisen", {"assignee": "anna"}),
        ("/abmelden", {}),
    ):
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf_token": "falsch"}).status_code == 403, path
    with Session(runtime.engine) as session:
        assert not session.exec(select(AuditEntry).where(AuditEntry.action == "note_added")).all()
    # a login form without the token is refused as well
    fresh = TestClient(client.app)
    assert fresh.post("/anmelden", data={"username": "anna", "password": PASSWORD}).status_code == 403


def test_security_headers_on_pages(client):
    response = client.get("/anmelden")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "<script>" not in response.text  # no inline scripts anywhere in the layout


def test_inbox_lists_new_and_unassigned_first_with_filters_and_search(client, runtime):
    first = ingest(runtime, mail(subject="Förderfähigkeit eines DMS"))
    second = ingest(
        runtime,
        mail(
            subject="Verschlüsselungstrojaner im Rathaus",
            body="Guten Tag,\nunser Server ist verschlüsselt, Ransomware! Bitte um Hilfe zur IT-Sicherheit.",
        ),
    )
    logged_in(client)
    csrf = token(client)
    client.post(f"/faelle/{first}/zuweisen", data={"assignee": "anna", "csrf_token": csrf})
    page = client.get("/eingang").text
    assert page.index(second) < page.index(first)  # the new, unassigned one first
    assert "Förderfähigkeit" in page and "Tastatur" in page
    assert second in client.get("/eingang", params={"q": "ransomware"}).text
    assert first not in client.get("/eingang", params={"q": "ransomware"}).text
    assert first in client.get("/eingang", params={"zustaendig": "anna"}).text
    assert second not in client.get("/eingang", params={"zustaendig": "anna"}).text
    assert second in client.get("/eingang", params={"zustaendig": "niemand"}).text
    topic = consultation(runtime, first).topics[0]
    assert first in client.get("/eingang", params={"thema": topic}).text
    assert first not in client.get("/eingang", params={"von": "2000-01-01", "bis": "2000-12-31"}).text
    row = consultation(runtime, first)
    if row.authority_key:
        assert first in client.get("/eingang", params={"kreis": row.authority_key[:5]}).text
        assert first in client.get("/eingang", params={"behoerde": row.authority_key}).text
    assert first not in client.get("/eingang", params={"kreis": "99999"}).text


def test_inbox_pages_beyond_the_first_page_with_the_total(client, runtime, monkeypatch):
    import html
    import re

    import web.inbox_views

    monkeypatch.setattr(web.inbox_views, "PAGE_SIZE", 2)
    for number in range(3):
        ingest(runtime, mail(subject=f"Frage {number}"))
    logged_in(client)
    page = client.get("/eingang").text
    assert "3 Beratungsfälle, 2 auf dieser Seite" in page and page.count('class="triage-row') == 2
    following = html.unescape(re.search(r'href="([^"]+)" class="button" rel="next"', page).group(1))
    rest = client.get(following).text
    assert rest.count('class="triage-row') == 1 and 'rel="next"' not in rest and "Zum Anfang" in rest


def test_consultation_page_shows_thread_evidence_and_folds_quotes(client, runtime):
    body = (
        "Guten Tag,\nist ein DMS nach der ThürEGovRL förderfähig?\n\n"
        "Am 01.10.2026 schrieb Kompetenzzentrum:\n> Bitte senden Sie uns Unterlagen.\n"
    )
    reference = ingest(runtime, mail(body=body))
    logged_in(client)
    page = client.get(f"/faelle/{reference}").text
    assert reference in page and "Vorschläge bestätigen" in page
    assert "Hinweise:" in page  # the classifier's evidence is shown
    assert "<details" in page
    assert "Änderungsverlauf" in page and f"system</strong>: Fall {reference} angelegt" in page
    assert re.search(r"Kanal: (E-Mail|E-Mail \(Postfach\)|Import|Chat)<", page)  # a label, not "smtp"/"file"


def test_consultation_page_shows_calibrated_confidence_and_the_links_reason_in_german(client, runtime):
    reference = ingest(runtime, mail())
    row = consultation(runtime, reference)
    suggested = {item["topic"]: item for item in row.suggested_topics}
    assert "confidence" in suggested["eligibility"]  # the calibrated confidence is stored with the score
    logged_in(client)
    page = client.get(f"/faelle/{reference}").text
    assert f"{round(100 * suggested['eligibility']['confidence'])} %" in page
    explanation = row.suggested_authority["explanation"]
    assert 'id="authority-explanation"' in page and explanation.split(":")[0] in page
    assert "sicher" in explanation or "Kein" in explanation


def test_mail_html_is_sanitised_and_remote_images_need_a_click(client, runtime):
    html = (
        '<p>Hallo</p><script>window.__pwned = 1</script><img src="http://198.51.100.7/track.png" '
        'onerror="window.__pwned=2"><a href="javascript:alert(1)">Klick</a><a href="https://example.org/x">Link</a>'
    )
    reference = ingest(runtime, mail(html=html))
    logged_in(client)
    page = client.get(f"/faelle/{reference}").text
    section = page[page.index('class="mail-html"') :]
    section = section[: section.index("</div>")]
    assert "<script" not in section and "onerror" not in section and "javascript:" not in section
    assert "198.51.100.7" not in section and 'href="https://example.org/x"' in section
    assert "Externe Bilder anzeigen" in page
    shown = client.get(f"/faelle/{reference}", params={"bilder": 1})
    assert "http://198.51.100.7/track.png" in shown.text and "<script>window" not in shown.text
    assert "img-src 'self' data: https: http:" in shown.headers["content-security-policy"]


def test_attachment_download_has_safe_headers(client, runtime):
    payload = b"<html><script>alert(1)</script></html>"
    reference = ingest(runtime, mail(attachment=("bericht ä.html", payload, "text/html")))
    logged_in(client)
    page = client.get(f"/faelle/{reference}").text
    link = page[page.index('href="/anhaenge/') + 6 :].split('"')[0]
    response = client.get(link)
    assert response.content == payload
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "filename*=UTF-8''bericht%20%C3%A4.html" in response.headers["content-disposition"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in response.headers["content-security-policy"]
    assert client.get("/anhaenge/99999").status_code == 404


def test_triage_actions_go_through_the_workflow(client, runtime):
    reference = ingest(runtime, mail())
    logged_in(client)
    csrf = token(client)
    post = lambda path, **data: client.post(f"/faelle/{reference}/{path}", data={**data, "csrf_token": csrf})  # noqa: E731
    assert post("vorschlag-bestaetigen").status_code == 200
    assert consultation(runtime, reference).topics_confirmed
    post("themen", topics=["it_security", "eligibility"])
    row = consultation(runtime, reference)
    assert sorted(row.topics) == ["eligibility", "it_security"]
    post("behoerde", authority_key="16061001")
    assert consultation(runtime, reference).authority_key == "16061001"
    post("zuweisen", assignee="@ich")
    post("prioritaet", priority="hoch")
    post("notizen", text="Rückruf am Montag")
    post("aufgaben", title="Förderantrag prüfen", due="2030-01-15")
    row = consultation(runtime, reference)
    assert row.priority == "hoch" and row.status == "in_bearbeitung" and row.assignee_id is not None
    with Session(runtime.engine) as session:
        tasks = session.exec(select(FollowUpTask).where(FollowUpTask.consultation_id == row.id)).all()
        manual = next(t for t in tasks if t.title == "Förderantrag prüfen")
        assert session.exec(select(TopicCorrection)).first() is not None
        assert session.get(KnownSender, "hauptamt@vg-leinetal.de").authority_key == "16061001"
    post(f"aufgaben/{manual.id}/verschieben", reason="Urlaub", due="2030-02-01")
    post(f"aufgaben/{manual.id}/erledigt")
    post("status", status="abgeschlossen", reason="erledigt")
    with Session(runtime.engine) as session:
        assert session.get(FollowUpTask, manual.id).status == "erledigt"
        actions = {e.action for e in session.exec(select(AuditEntry).where(AuditEntry.consultation_id == row.id))}
    assert {"topics_confirmed", "topics_corrected", "authority_corrected", "assigned", "priority_changed"} <= actions
    assert {"note_added", "task_added", "task_postponed", "task_completed", "closed"} <= actions
    page = client.get(f"/faelle/{reference}").text
    assert "Rückruf am Montag" in page and "abgeschlossen" in page


def test_workflow_errors_are_shown_not_crashing(client, runtime):
    reference = ingest(runtime, mail())
    logged_in(client)
    csrf = token(client)
    response = client.post(f"/faelle/{reference}/status", data={"status": "erfunden", "csrf_token": csrf})
    assert response.status_code == 200 and "Unbekannter Status" in response.text
    client.post(f"/faelle/{reference}/status", data={"status": "abgeschlossen", "csrf_token": csrf})
    response = client.post(f"/faelle/{reference}/status", data={"status": "beantwortet", "csrf_token": csrf})
    assert "nicht erlaubt" in response.text
    response = client.post(f"/faelle/{reference}/behoerde", data={"authority_key": "00000000", "csrf_token": csrf})
    assert "gibt es im Gazetteer nicht" in response.text
    assert client.get("/faelle/KV-1999-00001").status_code == 404


def test_reply_is_sent_through_the_relay(sqlite_url, smtp_sink, queue_for):
    sink, port = smtp_sink
    rt = web_runtime(sqlite_url, relay_host="127.0.0.1", relay_port=port)
    queue_for(rt)  # the embedded worker of `eingang serve` delivers the outbox
    add_user(rt, "anna", "berater")
    reference = ingest(rt, mail())
    with TestClient(create_app(rt)) as client:
        logged_in(client)
        response = client.post(
            f"/faelle/{reference}/antwort", data={"body": "Ja, das ist förderfähig.", "csrf_token": token(client)}
        )
        assert "Antwort gesendet" in response.text
    sent = wait_for_mail(sink)
    assert len(sent) == 1 and sent[0]["To"] == "hauptamt@vg-leinetal.de"
    assert reference in sent[0]["Subject"] and "förderfähig" in sent[0].get_content()
    row = consultation(rt, reference)
    assert row.status == "beantwortet" and row.first_response_at is not None


def test_reply_failure_keeps_the_draft(client, runtime):
    reference = ingest(runtime, mail())  # no relay configured
    logged_in(client)
    response = client.post(
        f"/faelle/{reference}/antwort", data={"body": "Mein Entwurf bleibt", "csrf_token": token(client)}
    )
    assert response.status_code == 422
    assert "nicht versendet" in response.text and "Mein Entwurf bleibt</textarea>" in response.text


def test_failed_messages_are_listed_and_reprocessed(client, runtime, queue_for):
    queue_for(runtime)
    inbound_id, _ = store_raw(runtime.engine, mail(subject="Erst kaputt"), channel=Channel.SMTP)
    with session_scope(runtime.engine) as session:
        mark_failed(session, inbound_id, "ValueError: Testfehler")
    logged_in(client)
    page = client.get("/fehlgeschlagen").text
    assert "ValueError: Testfehler" in page and "Erneut verarbeiten" in page
    response = client.post(f"/fehlgeschlagen/{inbound_id}/erneut", data={"csrf_token": token(client)})
    assert "erneut verarbeitet" in response.text
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with Session(runtime.engine) as session:
            if session.get(InboundMessage, inbound_id).status == "processed":
                break
        time.sleep(0.1)
    with Session(runtime.engine) as session:
        assert session.get(InboundMessage, inbound_id).status == "processed"


def test_dashboard_is_for_managers_and_exports_csv_and_xlsx(client, runtime):
    ingest(runtime, mail())
    logged_in(client, "anna")
    assert client.get("/dashboard").status_code == 403
    assert client.get("/dashboard/export/kreise.csv").status_code == 403
    assert "Dashboard" not in client.get("/eingang").text.split("<main")[0]
    client.post("/abmelden", data={"csrf_token": token(client)})
    logged_in(client, "lea")
    page = client.get("/dashboard")
    assert page.status_code == 200
    for heading in (
        "Themennennungen nach Monat",
        "Landkreis",
        "Art der Kommune",
        "Neue und abgeschlossene",
        "Antwortzeiten",
    ):
        assert heading in page.text
    assert "Jahresübersicht" in page.text
    chart = client.get("/dashboard/diagramme/themen_monate.svg")
    assert chart.headers["content-type"].startswith("image/svg+xml") and b"<svg" in chart.content
    csv_response = client.get("/dashboard/export/themen_monate.csv")
    assert csv_response.headers["content-disposition"].startswith("attachment")
    text = csv_response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Monat;") and "Beratungsfälle (jeder einmal)" in text
    assert sum(int(line.split(";")[-1]) for line in text.splitlines()[1:]) == 1
    xlsx = client.get("/dashboard/export/kreise.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A3"].value == "Kreis" and sheet["B4"].value == 1
    year = time.gmtime().tm_year
    annual = client.get(f"/dashboard/export/jahr_{year}_themen.csv").content.decode("utf-8-sig")
    assert "Beratungsfälle insgesamt (jeder einmal);1" in annual
    assert client.get("/dashboard/export/unbekannt.csv").status_code == 404
    assert client.get("/dashboard", params={"von": "2026-05-01", "bis": "2026-01-01"}).status_code == 400


def test_admin_page_only_for_admins_and_creates_users_and_tokens(client):
    logged_in(client, "anna")
    assert "/admin/benutzer" not in client.get("/eingang").text  # not even offered in the navigation
    assert client.get("/admin/benutzer").status_code == 403
    assert client.post("/admin/benutzer/anna/token", data={"csrf_token": token(client)}).status_code == 403
    client.post("/abmelden", data={"csrf_token": token(client)})
    logged_in(client, "lea")
    assert client.get("/admin/benutzer").status_code == 403
    client.post("/abmelden", data={"csrf_token": token(client)})
    logged_in(client, "adam")
    csrf = token(client, "/admin/benutzer")
    response = client.post(
        "/admin/benutzer",
        data={"username": "bernd", "password": "noch-ein-passwort", "role": "berater", "csrf_token": csrf},
    )
    assert "Benutzer bernd angelegt" in response.text
    too_short = client.post(
        "/admin/benutzer", data={"username": "kurz", "password": "x", "role": "berater", "csrf_token": csrf}
    )
    assert "mindestens 10 Zeichen" in too_short.text
    issued = client.post("/admin/benutzer/bernd/token", data={"csrf_token": csrf})
    assert "eg_" in issued.text and issued.headers["cache-control"] == "no-store"
    api_token = issued.text.split('class="token">')[1].split("<")[0]
    assert (
        TestClient(client.app).get("/api/me", headers={"Authorization": f"Bearer {api_token}"}).json()["username"]
        == "bernd"
    )


def test_secret_key_is_required_outside_development(sqlite_url):
    from eingang.runtime import build_runtime
    from tests.conftest import make_settings

    with pytest.raises(InsecureConfiguration):
        create_app(build_runtime(make_settings(database_url=sqlite_url, environment="production")))
    with pytest.raises(ValueError):
        make_settings(database_url=sqlite_url, web_secret_key="zu-kurz")
    app = create_app(
        build_runtime(make_settings(database_url=sqlite_url, environment="production", web_secret_key="s" * 40))
    )
    with TestClient(app, base_url="https://testserver") as client:
        cookie = client.get("/anmelden").headers["set-cookie"].lower()
        assert "secure" in cookie
        assert "strict-transport-security" in client.get("/anmelden").headers
