"""Full-text search (models.search) on both backends: the real PostgreSQL (tsvector, GIN,
triggers) and SQLite FTS5 (Python stemming) behind one interface; and ``q`` in the API."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import select

from models import Consultation, ConsultationMessage, ConsultationStatus, session_scope, utcnow
from models.search import (
    index_consultation,
    parse_query,
    rebuild_search_index,
    search_consultations,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def runtime(request):
    return request.getfixturevalue(f"{request.param}_runtime")


def add(session, number, subject, body="", *, sender="hauptamt@beispiel.de", name=None, authority=None, **extra):
    consultation = Consultation(
        reference=f"KV-2026-{number:05d}",
        subject=subject,
        channel="smtp",
        sender_address=sender,
        sender_name=name,
        authority_key=authority,
        received_at=utcnow() - timedelta(minutes=number),
        **extra,
    )
    session.add(consultation)
    session.flush()
    if body:
        session.add(
            ConsultationMessage(
                consultation_id=consultation.id,
                direction="inbound",
                channel="smtp",
                sender=sender,
                sender_name=name,
                subject=subject,
                text=body,
                quoted_text="Zitat: Haushaltssperre",
            )
        )
        session.flush()
    return consultation


def refs(session, query, **kwargs) -> list[str]:
    return [hit.reference for hit in search_consultations(session, query, **kwargs).items]


@pytest.fixture
def corpus(runtime):
    with session_scope(runtime.engine) as session:
        add(session, 1, "Frage zur Förderung", "Wir möchten Förderung für ein Dokumentenmanagementsystem beantragen.")
        add(session, 2, "Forderung des Landes", "Das Land erhebt eine Forderung gegenüber der Gemeinde.")
        add(session, 3, "Mehrere Förderanträge", "Wir haben drei Förderanträge gestellt und warten auf Bescheide.")
        add(
            session,
            4,
            "Phishing erhalten",
            "Ein Mitarbeiter hat eine Phishing-Mail geöffnet. Der Virenschutz meldete nichts.",
            sender="it@erfurt.de",
            name="Jürgen Müller",
            authority="16051000",
        )
        add(session, 5, "Breitbandausbau", "Fragen zum Breitbandausbau in der Straße am Markt.", authority="16070029")
        add(session, 42, "Rückfrage", "Bitte um Rückruf wegen der Kassenprüfung.")
    return runtime


def test_umlaut_folding_and_german_stemming(corpus):
    with session_scope(corpus.engine) as session:
        assert "KV-2026-00001" in refs(session, "foerderung ")
        assert refs(session, "Förderung ")[0] == "KV-2026-00001"
        # Snowball drops umlauts, so "Forderung" finds Förderung too (accepted), but the
        # spelling typed ranks first.
        forderung = refs(session, "Forderung ")
        assert forderung[0] == "KV-2026-00002" and "KV-2026-00001" in forderung
        # Plural with umlaut shift: stemming maps Förderantrag and Förderanträge together.
        assert refs(session, "Förderantrag ") == ["KV-2026-00003"]
        assert refs(session, "foerderantraege ") == ["KV-2026-00003"]
        assert refs(session, "strasse ") == ["KV-2026-00005"]
        assert refs(session, "Mueller ") == ["KV-2026-00004"] == refs(session, "MÜLLER ")
        # quoted text is not indexed, only the new text
        assert refs(session, "Haushaltssperre ") == []


def test_all_words_must_match(corpus):
    with session_scope(corpus.engine) as session:
        assert refs(session, "Förderung Dokumentenmanagementsystem ") == ["KV-2026-00001"]
        assert refs(session, "Förderung Phishing ") == []
        # stop words do not have to occur ("für", "die", "und")
        assert refs(session, "die Förderung für und Dokumentenmanagementsystem ") == ["KV-2026-00001"]


def test_prefixes_explicit_and_typed_partially(corpus):
    with session_scope(corpus.engine) as session:
        # a prefix is matched against the word as written (folded), so Forderung is not found
        assert set(refs(session, "Förder*")) == {"KV-2026-00001", "KV-2026-00003"}
        assert set(refs(session, "foerder* ")) == {"KV-2026-00001", "KV-2026-00003"}
        assert refs(session, "Förderantr") == ["KV-2026-00003"]
        assert refs(session, "Dokumentenmanag") == ["KV-2026-00001"]
        assert refs(session, "breitb") == ["KV-2026-00005"]
        # a finished word (space after it) is not a prefix
        assert refs(session, "breitb ") == []


def test_reference_ags_sender_and_authority_name(corpus):
    with session_scope(corpus.engine) as session:
        assert refs(session, "KV-2026-00042") == ["KV-2026-00042"]
        assert refs(session, "kv-2026-42") == ["KV-2026-00042"]
        assert refs(session, "16051000") == ["KV-2026-00004"]
        assert refs(session, "Erfurt") == ["KV-2026-00004"]
        assert refs(session, "Ilmenau") == ["KV-2026-00005"]
        assert refs(session, "it@erfurt.de") == ["KV-2026-00004"]
        assert refs(session, "Jürgen Müller") == ["KV-2026-00004"]
        assert refs(session, "Juergen") == ["KV-2026-00004"]


def test_ranked_results_and_highlighted_snippets(corpus):
    with session_scope(corpus.engine) as session:
        add(session, 6, "Allgemeine Frage", "Nebenbei: gibt es eine Förderung?")
        page = search_consultations(session, "Förderung ")
        assert page.total == 3
        # the subject hit ranks above the consultation that mentions it only in the text
        assert [h.reference for h in page.items][:1] == ["KV-2026-00001"]
        ranks = [h.rank for h in page.items]
        assert ranks == sorted(ranks, reverse=True)
        snippet = page.items[0].snippet
        assert "<mark>Förderung</mark>" in snippet and "Dokumentenmanagementsystem" in snippet
        hit = search_consultations(session, "foerderantraege").items[0]
        assert "<mark>Förderanträge</mark>" in hit.snippet
        # HTML in the text is escaped
        add(session, 7, "Skript", "<script>alert(1)</script> Förderung & Co.")
        escaped = next(h for h in search_consultations(session, "Förderung ").items if h.reference == "KV-2026-00007")
        assert "<script>" not in escaped.snippet and "&lt;script&gt;" in escaped.snippet
        assert "&amp; Co." in escaped.snippet


def test_paging_and_criteria(corpus):
    with session_scope(corpus.engine) as session:
        for number in range(10, 22):
            add(session, number, f"Anfrage Kassenprüfung {number}", "Kassenprüfung im Rathaus")
        page = search_consultations(session, "Kassenprüfung ", limit=5)
        assert page.total == 13 and len(page.items) == 5
        seen = []
        for offset in range(0, 15, 5):
            seen += refs(session, "Kassenprüfung ", limit=5, offset=offset)
        assert len(seen) == len(set(seen)) == 13
        closed = search_consultations(
            session, "Kassenprüfung ", criteria=[Consultation.status == ConsultationStatus.CLOSED]
        )
        assert closed.total == 0 and closed.items == []


HOSTILE = [
    '"',
    "'",
    "''; DROP TABLE consultation; --",
    'foo" OR "bar',
    "NEAR(a b)",
    "subject:Förderung",
    "a AND OR NOT b",
    "(((",
    ")",
    "*",
    "**Förder**",
    "^Förderung",
    "- + ! & | : <-> <2>",
    "\\",
    "\x00Förderung",
    "%_%",
    "Förderung" * 500,
    " ".join(["Förderung"] * 300),
    "日本語 Förderung",
    "x" * 10_000,
    "KV-2026-",
    "16051000*:*",
    "e",
    "e*",
    "ǅ İstanbul ẞ ﬁnanz Ⅻ ① ²³ ١٢٣٤-٢٠٢٦ KV-٢٠٢٦-١",
    "\u0301\u0308 a\u0308rger",
    "\ud7ff\ufffd\U0001f600 Förderung 😀",
    "",
    "   ",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_fail(corpus, query):
    with session_scope(corpus.engine) as session:
        page = search_consultations(session, query)
        assert page.total >= len(page.items) >= 0
    with session_scope(corpus.engine) as session:
        assert session.exec(select(Consultation)).first() is not None


def test_query_sanitising():
    assert parse_query("").terms == ()
    assert parse_query('"; DROP').terms[0].word == "drop"
    terms = parse_query("Förder* und KV-2026-00042 foo").terms
    assert [(t.word, t.prefix, t.reference) for t in terms] == [
        ("förder", True, False),
        ("kv202600042", False, True),
        ("foo", True, False),
    ]
    assert len(parse_query(" ".join(f"w{i}" for i in range(100))).terms) == 10


def test_index_follows_changes_and_erasure(corpus):
    from models.erasure import erase_consultation

    with session_scope(corpus.engine) as session:
        consultation = session.exec(select(Consultation).where(Consultation.reference == "KV-2026-00005")).one()
        consultation.subject = "Glasfaser für den Ortsteil"
        session.add(
            ConsultationMessage(
                consultation_id=consultation.id, direction="outbound", channel="smtp", text="Antwort zur Wärmeplanung"
            )
        )
    with session_scope(corpus.engine) as session:
        assert refs(session, "Glasfaser ") == ["KV-2026-00005"]
        assert refs(session, "Wärmeplanung ") == ["KV-2026-00005"]
        # the authority changes: its name goes with it
        consultation = session.exec(select(Consultation).where(Consultation.reference == "KV-2026-00005")).one()
        consultation.authority_key = "16051000"
    with session_scope(corpus.engine) as session:
        assert refs(session, "Ilmenau ") == []
        assert set(refs(session, "Erfurt ")) == {"KV-2026-00004", "KV-2026-00005"}
        # a message's text changes (e.g. a correction): the old words leave the index
        message = session.exec(select(ConsultationMessage).where(ConsultationMessage.text.contains("Phishing"))).one()
        message.text = "Trojaner gemeldet"
    with session_scope(corpus.engine) as session:
        assert refs(session, "Phishing-Mail ") == [] and refs(session, "Trojaner ") == ["KV-2026-00004"]
        erase_consultation(session, reference="KV-2026-00004", actor="test")
    with session_scope(corpus.engine) as session:
        assert refs(session, "Trojaner ") == [] and refs(session, "Jürgen ") == []
        table = "consultation_search" if corpus.engine.dialect.name == "postgresql" else "consultation_fts"
        column = "consultation_id" if table == "consultation_search" else "rowid"
        ids = set(session.execute(text(f"SELECT {column} FROM {table}")).scalars())
        assert ids == set(session.exec(select(Consultation.id)))


def test_gazetteer_rename_reindexes(corpus):
    from models import Municipality

    with session_scope(corpus.engine) as session:
        municipality = session.get(Municipality, "16070029")
        municipality.name = "Ilmenau-Neustadt"
    with session_scope(corpus.engine) as session:
        assert refs(session, "Neustadt ") == ["KV-2026-00005"]


def test_rebuild_and_explicit_indexing(corpus):
    with session_scope(corpus.engine) as session:
        assert rebuild_search_index(session) == 6
        assert refs(session, "Förderung ")[0] == "KV-2026-00001"
        consultation = session.exec(select(Consultation).where(Consultation.reference == "KV-2026-00042")).one()
        index_consultation(session, consultation.id)
        assert refs(session, "Kassenprüfung ") == ["KV-2026-00042"]


def test_migration_indexes_existing_rows(tmp_path):
    """Upgrading a database that already has consultations to 0007 indexes them."""
    from models import make_engine
    from models.migrate import upgrade_database

    runtime = SimpleNamespace(engine=make_engine(f"sqlite:///{tmp_path / 'old.db'}"))  # only the engine: migrations
    upgrade_database(runtime.engine, "0010")  # the revision before 0007
    with session_scope(runtime.engine) as session:
        add(session, 1, "Förderung alt", "Bestand vor der Suche")
    upgrade_database(runtime.engine)
    with session_scope(runtime.engine) as session:
        assert refs(session, "Bestand ") == ["KV-2026-00001"]
        assert session.execute(text("SELECT count(*) FROM search_pending")).scalar() == 0
    runtime.engine.dispose()


@pytest.mark.postgres
def test_migration_indexes_existing_rows_on_postgresql(postgres_url):
    from models import make_engine
    from models.migrate import upgrade_database

    runtime = SimpleNamespace(engine=make_engine(postgres_url))  # only the engine: migrations
    upgrade_database(runtime.engine, "0010")  # the revision before 0007
    with session_scope(runtime.engine) as session:
        add(session, 1, "Förderung alt", "Bestand vor der Suche")
    upgrade_database(runtime.engine)
    with session_scope(runtime.engine) as session:
        assert refs(session, "Bestand ") == ["KV-2026-00001"]
        plan = "\n".join(
            session.execute(
                text(
                    "EXPLAIN SELECT consultation_id FROM consultation_search "
                    "WHERE document @@ plainto_tsquery('german', 'bestand')"
                )
            ).scalars()
        )
    runtime.engine.dispose()
    assert "consultation_search" in plan


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_api_and_inbox_search(request, backend):
    from tests.test_web_support import add_user, login, web_runtime
    from web.app import create_app

    runtime = web_runtime(request.getfixturevalue(f"{backend}_url"))
    token = add_user(runtime, "anna", "berater", token=True)
    with session_scope(runtime.engine) as session:
        add(session, 1, "Allgemeine Frage", "Gibt es eine Förderung?", status=ConsultationStatus.NEW)
        add(session, 2, "Förderung für Schulen", "Förderung der Digitalisierung", status=ConsultationStatus.IN_PROGRESS)
        add(session, 3, "Anderes Thema", "Kassenkredite")
    with TestClient(create_app(runtime)) as client:
        headers = {"Authorization": f"Bearer {token}"}
        rows = client.get("/api/consultations", params={"q": "foerderung"}, headers=headers).json()["items"]
        # ranked order (the subject hit first), not the triage order (new first)
        assert [r["reference"] for r in rows] == ["KV-2026-00002", "KV-2026-00001"]
        assert "<mark>Förderung</mark>" in rows[0]["highlight"]
        for query in ['"', "NEAR(", "x" * 5000, "*", "'; --"]:
            assert client.get("/api/consultations", params={"q": query}, headers=headers).status_code == 200
        login(client, "anna")
        page = client.get("/eingang", params={"q": "Förderantr foerder*"})
        assert page.status_code == 200
        page = client.get("/eingang", params={"q": "foerderung"})
        assert page.status_code == 200 and "KV-2026-00002" in page.text and "KV-2026-00003" not in page.text
        assert "<mark>Förderung</mark>" in page.text
    runtime.engine.dispose()


def test_inbox_query_and_count_with_search(corpus):
    from web.inbox import InboxFilter, inbox_count, inbox_query, search_highlights

    with session_scope(corpus.engine) as session:
        closed = add(session, 7, "Förderung erledigt", "Förderung bewilligt", status=ConsultationStatus.CLOSED)
        filters = InboxFilter(search="Förderung ")
        rows = inbox_query(session, filters)
        assert [c.reference for c in rows][:1] == ["KV-2026-00001"] and closed not in rows
        assert inbox_count(session, filters) == len(rows) == 2
        assert inbox_count(session, InboxFilter(search="Förderung ", status="alle")) == 3
        assert inbox_count(session, InboxFilter(search='"')) == 0
        assert inbox_query(session, InboxFilter(search="*")) == []
        assert "<mark>" in search_highlights(session, filters, rows)[rows[0].id]


def test_random_queries_never_fail(corpus):
    """300 random strings over letters of every script the fold handles or not, digits,
    operators and FTS syntax: none may raise."""
    import random

    alphabet = (
        "aeiouäöüßÄÖÜẞqQxyzéèçñøåæœǅİıΣσ日本語١٢٣0123456789\"'*:()&|!<>-+^~%_\\/.,;@#$ \t\n\u0000\u0301\u200b\ufeff😀"
    )
    rng = random.Random(14)
    with session_scope(corpus.engine) as session:
        for _ in range(300):
            query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
            page = search_consultations(session, query, limit=5)
            assert page.total >= len(page.items)


def test_db_reindex_command_rebuilds_an_emptied_index(corpus, tmp_path, monkeypatch):
    """``eingang db reindex`` indexes every consultation anew (here after the index was emptied)."""
    from typer.testing import CliRunner

    from eingang.cli.main import app

    postgres = corpus.engine.dialect.name == "postgresql"
    with session_scope(corpus.engine) as session:
        assert "KV-2026-00001" in refs(session, "foerderung ")  # SQLite: indexes what is pending
    with corpus.engine.begin() as connection:
        connection.execute(text("DELETE FROM consultation_search" if postgres else "DELETE FROM consultation_fts"))
    with session_scope(corpus.engine) as session:
        assert refs(session, "foerderung ") == []
    monkeypatch.chdir(tmp_path)  # no developer .env
    result = CliRunner().invoke(app, ["db", "reindex"], env={"EINGANG_DATABASE_URL": corpus.settings.database_url})
    assert result.exit_code == 0, result.output
    with session_scope(corpus.engine) as session:
        total = session.execute(select(Consultation.id)).all()
        assert f"Suchindex neu aufgebaut: {len(total)} Beratungsfälle." in result.output
        assert "KV-2026-00001" in refs(session, "foerderung ")
