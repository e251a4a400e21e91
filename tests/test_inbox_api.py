"""The inbox's REST contract (issue 14): GET /api/consultations with q/sort/limit/cursor/total
(keyset pagination that visits every match exactly once while new mail arrives), saved views'
filters, POST /api/consultations/bulk (each change audited per consultation), tags — on SQLite
and PostgreSQL."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from casework.reminders import ESCALATION
from models import AuditEntry, Consultation, Priority, SlaBreach, session_scope
from tests.test_web_support import add_user, web_runtime
from web.app import create_app
from web.inbox import SORTS

_numbers = itertools.count(1)


def add_consultations(runtime, count: int, *, rng: random.Random, at: datetime | None = None) -> list[str]:
    """Consultations straight into the table (no pipeline: the query is what is tested)."""
    references = []
    base = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    with session_scope(runtime.engine) as session:
        for _ in range(count):
            reference = f"KV-2025-{next(_numbers):05d}"  # the pipeline numbers 2026
            session.add(
                Consultation(
                    reference=reference,
                    subject=rng.choice(["Förderantrag", "DMS", "Phishing", "Breitband", "förderantrag"]),
                    channel="smtp",
                    status=rng.choice(["neu", "neu", "in_bearbeitung", "wartet_auf_rueckmeldung", "beantwortet"]),
                    priority=rng.choice(list(Priority)),
                    # few distinct moments: ties on every key but the id
                    received_at=at or base + timedelta(hours=rng.randrange(6)),
                    needs_review=rng.random() < 0.3,
                )
            )
            references.append(reference)
    return references


@pytest.fixture(params=["sqlite", "postgresql"])
def api(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'api.db'}" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    runtime = web_runtime(url)
    token = add_user(runtime, "anna", "berater", token=True)
    add_user(runtime, "bernd", "berater")
    with TestClient(create_app(runtime)) as client:
        client.headers["Authorization"] = f"Bearer {token}"
        yield runtime, client
    runtime.engine.dispose()


def walk(client, params: dict, *, between=None) -> tuple[list[str], int]:
    """Follows next_cursor to the end; ``between(page_number)`` runs between pages."""
    seen, cursor, total, page_number = [], None, None, 0
    while True:
        response = client.get("/api/consultations", params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        assert set(body) == {"items", "next_cursor", "total"}
        total = body["total"] if total is None else total
        seen += [item["reference"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            return seen, total
        page_number += 1
        if between:
            between(page_number)
        assert page_number < 200


@pytest.mark.parametrize("sort", [s for s in SORTS if s != "rang"])
def test_following_next_cursor_visits_every_match_once_while_mail_arrives(api, sort):
    runtime, client = api
    rng = random.Random(sort)
    existing = add_consultations(runtime, 60, rng=rng)
    listing = client.get("/api/consultations", params={"limit": 200}).json()
    open_ones = {item["reference"] for item in listing["items"]}
    assert listing["total"] == len(open_ones) and listing["next_cursor"] is None
    assert open_ones <= set(existing) and len(open_ones) > 20
    arrived: list[str] = []
    seen, total = walk(
        client,
        {"sort": sort, "limit": 7},
        between=lambda n: arrived.extend(add_consultations(runtime, 2, rng=rng, at=datetime.now(UTC))),
    )
    assert total == len(open_ones)
    assert len(seen) == len(set(seen)), "a consultation came twice"
    assert open_ones <= set(seen), "a consultation was skipped"
    assert set(seen) - open_ones <= set(arrived)
    # without arrivals the walk is exactly the one-page listing, in the same order
    everything = client.get("/api/consultations", params={"sort": sort, "limit": 200}).json()["items"]
    assert walk(client, {"sort": sort, "limit": 9})[0] == [item["reference"] for item in everything]


def test_search_pages_with_total_and_rank_order(api):
    runtime, client = api
    add_consultations(runtime, 30, rng=random.Random(3))
    seen, total = walk(client, {"q": "förderantrag", "limit": 4})
    assert total == len(seen) == len(set(seen)) > 4
    first = client.get("/api/consultations", params={"q": "foerderantrag", "limit": 2}).json()
    assert first["total"] == total and "<mark>" in first["items"][0]["highlight"]


def test_list_rejects_bad_parameters_in_german(api):
    _runtime, client = api
    assert client.get("/api/consultations", params={"limit": 201}).status_code == 422
    assert client.get("/api/consultations", params={"limit": 0}).status_code == 422
    unknown = client.get("/api/consultations", params={"sort": "passwort"})
    assert unknown.status_code == 400 and "Unbekannte Sortierung" in unknown.json()["detail"]
    for cursor in ["kaputt", "eyJzIjoidHJpYWdlIiwiayI6WzFdfQ", "e30", "!" * 50]:
        response = client.get("/api/consultations", params={"cursor": cursor})
        assert response.status_code == 400 and "Ungültiger Cursor" in response.json()["detail"], cursor
    # a cursor of one sort is refused by another
    add_consultations(api[0], 3, rng=random.Random(1))
    cursor = client.get("/api/consultations", params={"limit": 1, "sort": "eingang"}).json()["next_cursor"]
    assert client.get("/api/consultations", params={"cursor": cursor, "sort": "-eingang"}).status_code == 400


def test_rows_carry_sla_deadline_tags_and_display_names(api):
    runtime, client = api
    [reference] = add_consultations(runtime, 1, rng=random.Random(5), at=datetime.now(UTC) - timedelta(days=10))
    client.post("/api/consultations/bulk", json={"references": [reference], "action": "assignee", "value": "bernd"})
    client.post("/api/consultations/bulk", json={"references": [reference], "action": "tags", "value": ["Presse"]})
    item = client.get("/api/consultations", params={"q": reference}).json()["items"][0]
    assert item["assignee"] == "bernd" and item["assignee_name"] == "Bernd"
    assert item["tags"] == ["Presse"]
    assert item["sla"]["state"] == "ueberfaellig" and item["sla"]["label"].endswith("Tagen überfällig")
    assert [
        i["reference"] for i in client.get("/api/consultations", params={"ueberfaellig": True}).json()["items"]
    ] == [reference]
    assert client.get("/api/consultations", params={"schlagwort": "presse"}).json()["total"] == 1
    assert client.get("/api/tags", params={"prefix": "pr"}).json() == ["Presse"]
    # nearing the deadline: the last quarter of an urgent consultation's four hours
    [soon] = add_consultations(runtime, 1, rng=random.Random(6), at=datetime.now(UTC) - timedelta(hours=3, minutes=30))
    with session_scope(runtime.engine) as session:
        row = session.exec(select(Consultation).where(Consultation.reference == soon)).one()
        row.priority, row.status = "dringend", "neu"
        session.add(SlaBreach(consultation_id=row.id, kind=ESCALATION, due_at=datetime.now(UTC)))
    soon_item = client.get("/api/consultations", params={"q": soon}).json()["items"][0]
    assert soon_item["sla"]["state"] == "bald" and soon_item["sla"]["label"] in ("noch 29 Min.", "noch 30 Min.")
    assert soon_item["escalated"] is True and item["escalated"] is False


def test_bulk_changes_each_consultation_through_casework_and_answers_per_reference(api):
    runtime, client = api
    references = add_consultations(runtime, 3, rng=random.Random(7), at=datetime.now(UTC))
    with session_scope(runtime.engine) as session:
        for row in session.exec(select(Consultation).where(Consultation.reference.in_(references))):
            row.status = "neu"
    body = {"references": [*references, "KV-1999-99999"], "action": "status", "value": "abgeschlossen"}
    answer = client.post("/api/consultations/bulk", json=body).json()
    by_reference = {r["reference"]: r for r in answer["results"]}
    assert all(by_reference[r]["ok"] and by_reference[r]["changed"] for r in references)
    assert by_reference["KV-1999-99999"] == {
        "reference": "KV-1999-99999",
        "ok": False,
        "changed": False,
        "error": "nicht_gefunden",
        "message": by_reference["KV-1999-99999"]["message"],
    }
    assert answer["changed"] == 3 and answer["failed"] == 1
    with Session(runtime.engine) as session:
        for reference in references:
            row = session.exec(select(Consultation).where(Consultation.reference == reference)).one()
            assert row.status == "abgeschlossen"
            actions = session.exec(select(AuditEntry.action).where(AuditEntry.consultation_id == row.id)).all()
            assert actions == ["closed"]  # one audited change each
    # the same again: nothing changes, nothing audited twice; a refused change does not stop the rest
    again = client.post("/api/consultations/bulk", json={**body, "references": references}).json()
    assert [r["changed"] for r in again["results"]] == [False] * 3
    mixed = client.post(
        "/api/consultations/bulk", json={"references": references[:2], "action": "priority", "value": "egal"}
    ).json()
    assert [r["error"] for r in mixed["results"]] == ["abgelehnt", "abgelehnt"]
    assert "Unbekannte Priorität" in mixed["results"][0]["message"]
    tags = client.post(
        "/api/consultations/bulk",
        json={
            "references": references,
            "action": "tags",
            "value": {"mode": "add", "tags": ["Newsletter", " newsletter "]},
        },
    ).json()
    assert all(r["changed"] for r in tags["results"])
    assert client.get("/api/consultations", params={"schlagwort": "NEWSLETTER", "status": "alle"}).json()["total"] == 3
    assert (
        client.post("/api/consultations/bulk", json={"references": [], "action": "status", "value": "x"}).status_code
        == 422
    )
    assert (
        client.post(
            "/api/consultations/bulk", json={"references": references, "action": "loeschen", "value": 1}
        ).status_code
        == 422
    )


def test_live_events_cross_processes_through_redis_pub_sub(redis_namespace):
    """The workers publish, every web process hears it: RedisEvents round trip on real Redis."""
    from casework import live
    from queue_workers.events import RedisEvents
    from tests.conftest import REDIS_TEST_URL

    publisher = RedisEvents(REDIS_TEST_URL, redis_namespace)
    listener = RedisEvents(REDIS_TEST_URL, redis_namespace)
    with listener.subscribe() as subscription:
        live.publish(publisher, kind="created", reference="KV-2026-00077", actor="system")
        received = None
        for _ in range(20):
            received = subscription.get(0.25)
            if received:
                break
    assert received == {"kind": "created", "reference": "KV-2026-00077", "actor": "system"}
    # a broken bus never breaks the change that was already committed
    live.publish(RedisEvents("redis://127.0.0.1:1/0", redis_namespace), kind="changed", reference="KV-2026-00077")


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_migration_0011_goes_up_down_and_up_again(backend, request, tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from models import make_engine
    from models.migrate import alembic_config, upgrade_database

    url = f"sqlite:///{tmp_path / 'm.db'}" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    engine = make_engine(url)
    upgrade_database(engine)
    assert {"tag", "consultation_tag", "saved_filter"} <= set(inspect(engine).get_table_names())
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    assert not {"tag", "consultation_tag", "saved_filter"} & set(inspect(engine).get_table_names())
    upgrade_database(engine)
    assert "saved_filter" in inspect(engine).get_table_names()
    engine.dispose()
