"""Ähnliche Fälle (issue 14): the TF-IDF index, the service over answered consultations (SQLite and
PostgreSQL), the case page with its "Antwort übernehmen" buttons, and the evaluation script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from casework.similar import CaseDocument, SimilarityIndex, similar_consultations, words
from tests.test_web_support import add_user, consultation, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app

ROOT = Path(__file__).parents[1]

DMS = ("DMS förderfähig?", "Ist die Einführung eines Dokumentenmanagementsystems nach der ThürEGovRL förderfähig?")
DMS_AGAIN = (
    "Förderung für ein Dokumentenmanagementsystem",
    "Wir möchten ein Dokumentenmanagementsystem einführen. Ist das nach der ThürEGovRL förderfähig?",
)
OZG = ("OZG-Leistungen bis wann?", "Bis wann müssen wir die OZG-Leistungen online anbieten? Welche Frist gilt?")
PHISHING = ("Phishing-Mail im Rathaus", "Eine Kollegin hat auf einen Link in einer Phishing-Mail geklickt.")


def test_words_fold_umlauts_stem_lightly_and_drop_greetings():
    assert words("Förderanträge") == words("Foerderantraege")
    assert words("Sehr geehrte Damen und Herren, mit freundlichen Grüßen") == []
    assert words("Förderanträge")[0].startswith("forderantrag")


def test_index_ranks_by_words_and_topics_and_leaves_out_excluded():
    docs = [
        CaseDocument(1, "Förderantrag für ein DMS nach ThürEGovRL", frozenset({"eligibility"})),
        CaseDocument(2, "OZG Onlinedienste Frist Umsetzung", frozenset({"ozg_duties"})),
        CaseDocument(3, "Phishing Mail Virus Rathaus", frozenset({"it_security"})),
        CaseDocument(4, "Frage zum Förderantrag", frozenset({"eligibility"})),
    ]
    index = SimilarityIndex(docs)
    ranked = index.query("Foerderantraege fuer ein Dokumentenmanagementsystem (DMS)", ["eligibility"])
    assert [doc.key for doc, _ in ranked][:2] == [1, 4]
    assert all(doc.key not in (2, 3) for doc, _ in ranked)
    # The topic alone carries a case the words miss; without it, nothing.
    assert [doc.key for doc, _ in index.query("Schadsoftware", ["it_security"])] == [3]
    assert index.query("Schadsoftware", []) == []
    assert next(doc.key for doc, _ in index.query("Förderantrag DMS", [], exclude={1})) == 4
    assert SimilarityIndex([]).query("irgendwas") == []


@pytest.fixture(params=["sqlite", "postgres"])
def desk(request, sqlite_url, smtp_sink):
    _sink, port = smtp_sink
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    runtime = web_runtime(url, relay_host="127.0.0.1", relay_port=port)
    add_user(runtime, "anna", "berater")
    with TestClient(create_app(runtime)) as client:
        assert login(client, "anna").status_code == 303
        yield runtime, client
    runtime.engine.dispose()


def answer(client, reference: str, body: str) -> None:
    token = csrf_from(client.get(f"/faelle/{reference}").text)
    response = client.post(
        f"/faelle/{reference}/antwort", data={"csrf_token": token, "body": body}, follow_redirects=False
    )
    assert response.status_code == 303, response.text


def test_similar_consultations_are_answered_earlier_ones_with_their_answer(desk):
    runtime, client = desk
    dms = ingest(runtime, mail(*DMS))
    ozg = ingest(runtime, mail(*OZG))
    phishing = ingest(runtime, mail(*PHISHING))
    unanswered = ingest(runtime, mail("DMS-Förderung", "Gilt die ThürEGovRL auch für ein DMS in der VG?"))
    answer(client, dms, "Ja, ein DMS ist nach Nr. 2.1 ThürEGovRL förderfähig.")
    answer(client, ozg, "Die Frist aus dem OZG gilt seit Ende 2022.")
    answer(client, phishing, "Bitte trennen Sie den Rechner vom Netz.")
    new = ingest(runtime, mail(*DMS_AGAIN))

    with Session(runtime.engine) as session:
        found = similar_consultations(session, consultation(runtime, new))
    references = [case.reference for case in found]
    assert references[0] == dms
    assert new not in references and unanswered not in references  # only answered ones, never itself
    assert found[0].answer.startswith("Ja, ein DMS ist nach Nr. 2.1")
    assert "eligibility" in found[0].shared_topics

    # A newly answered consultation is in the index at once (the cache follows the data).
    answer(client, unanswered, "Auch für eine VG: ja, siehe Nr. 2.1 ThürEGovRL.")
    with Session(runtime.engine) as session:
        found = similar_consultations(session, consultation(runtime, new))
    assert unanswered in [case.reference for case in found]


def test_case_page_shows_similar_cases_with_a_button_per_answer(desk):
    runtime, client = desk
    dms = ingest(runtime, mail(*DMS))
    answer(client, dms, "Ja, ein DMS ist nach Nr. 2.1 ThürEGovRL förderfähig.")
    new = ingest(runtime, mail(*DMS_AGAIN))
    page = client.get(f"/faelle/{new}")
    assert page.status_code == 200
    assert "Ähnliche Fälle" in page.text
    assert f'href="/faelle/{dms}"' in page.text
    assert "Ja, ein DMS ist nach Nr. 2.1 ThürEGovRL förderfähig." in page.text
    assert 'data-answer="similar-answer-1"' in page.text and "Antwort übernehmen" in page.text
    assert '<script src="/static/case_extras.js" defer></script>' in page.text
    assert "<script>" not in page.text  # no inline script (CSP)
    # The first case has nothing similar answered yet.
    assert "Noch keine ähnlichen beantworteten Fälle." in client.get(f"/faelle/{dms}").text


def test_eval_script_prints_the_share_of_top_3_with_a_shared_topic():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_similar.py"), "--query-topics", "none", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    import json

    figures = json.loads(result.stdout)
    assert figures["queries"] > 50
    assert 0.5 < figures["topic_precision_at_3"] <= 1.0
    assert 0.0 < figures["kind_precision_at_3"] <= 1.0
