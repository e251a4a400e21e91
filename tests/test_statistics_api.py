"""``GET /api/statistics/consultations``: grouping by any combination of dimensions, counts and
response times per row, the total without double counting, mail of earlier years in its own
months (imported mailboxes), filters and German validation errors — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from tests.statistics_support import add_consultation, two_municipalities_of_one_district
from tests.test_web_support import add_user, web_runtime
from web.app import create_app


@pytest.fixture(params=["sqlite", "postgres"])
def setup(request):
    url = request.getfixturevalue(f"{request.param}_url")
    runtime = web_runtime(url)
    tokens = {"leitung": add_user(runtime, "lea", "leitung", token=True)}
    tokens["berater"] = add_user(runtime, "anna", "berater", token=True)
    first, second = two_municipalities_of_one_district(runtime)
    a, b = runtime.taxonomy.ids[:2]
    # An imported mailbox: mail of March 2024 and November 2025, one consultation with two topics.
    add_consultation(
        runtime,
        "KV-2024-00001",
        datetime(2024, 3, 5, 9, 0, tzinfo=UTC),
        topics=[a, b],
        response_hours=2,
        authority_key=first.key,
        assignee="anna",
    )
    add_consultation(
        runtime,
        "KV-2025-00001",
        datetime(2025, 11, 20, 8, 0, tzinfo=UTC),
        topics=[a],
        response_hours=10,
        authority_key=second.key,
        channel="smtp",
    )
    add_consultation(runtime, "KV-2025-00002", datetime(2025, 11, 21, 8, 0, tzinfo=UTC), channel="smtp")
    # 31 March 2024, 23:30 in Berlin is still March there (UTC: 21:30, summer time from 31 March).
    add_consultation(runtime, "KV-2024-00002", datetime(2024, 3, 31, 21, 30, tzinfo=UTC), topics=[b])
    with TestClient(create_app(runtime)) as client:
        yield client, tokens, (a, b), (first, second)
    runtime.engine.dispose()


def get(client, token, **params):
    return client.get("/api/statistics/consultations", params=params, headers={"Authorization": f"Bearer {token}"})


def test_imported_mail_of_2024_and_2025_is_counted_in_its_own_months(setup):
    client, tokens, _topics, _places = setup
    body = get(client, tokens["leitung"], von="2024-01-01", bis="2025-12-31", group_by="month").json()
    assert body["total"] == 4
    assert {row["month"]: row["count"] for row in body["rows"]} == {"2024-03": 2, "2025-11": 2}
    march = next(row for row in body["rows"] if row["month"] == "2024-03")
    assert march["median_first_response_hours"] == 2.0 and march["p90_first_response_hours"] == 2.0
    # The default period (the last twelve months) does not contain 2024.
    recent = get(client, tokens["leitung"], group_by="month").json()
    assert all(row["month"] != "2024-03" for row in recent["rows"])


def test_multi_topic_consultation_counts_once_per_topic_row_and_once_in_total(setup):
    client, tokens, (a, b), _places = setup
    body = get(client, tokens["leitung"], von="2024-01-01", bis="2025-12-31", group_by="topic").json()
    counts = {row["topic"]: row["count"] for row in body["rows"]}
    assert counts == {a: 2, b: 2, None: 1}
    assert sum(counts.values()) == 5 and body["total"] == 4
    row_a = next(row for row in body["rows"] if row["topic"] == a)
    assert row_a["median_first_response_hours"] == 6.0  # 2 h and 10 h
    assert row_a["p90_first_response_hours"] == 9.2
    assert next(row for row in body["rows"] if row["topic"] is None)["topic_label"] == "ohne Thema"


def test_any_combination_of_dimensions_and_filters(setup):
    client, tokens, (a, b), (first, _second) = setup
    token = tokens["leitung"]
    body = get(client, token, von="2024-01-01", bis="2025-12-31", group_by=["month", "topic"]).json()
    pairs = {(row["month"], row["topic"]): row["count"] for row in body["rows"]}
    assert pairs == {("2024-03", a): 1, ("2024-03", b): 2, ("2025-11", a): 1, ("2025-11", None): 1}
    body = get(
        client,
        token,
        von="2024-01-01",
        bis="2025-12-31",
        group_by="district,authority,assignee,channel,status,authority_kind",
    ).json()
    assert body["total"] == 4 and sum(row["count"] for row in body["rows"]) == 4
    by_authority = {row["authority"]: row for row in body["rows"]}
    assert by_authority[first.key]["district"] == first.district_key
    assert by_authority[first.key]["assignee"] == "anna" and by_authority[first.key]["assignee_label"] == "Anna"
    assert by_authority[first.key]["authority_label"] == first.name
    assert by_authority[first.key]["authority_kind"] == first.kind
    # Filters: a topic, a channel, the district, "without topic".
    assert get(client, token, von="2024-01-01", bis="2025-12-31", thema=b).json()["total"] == 2
    only_b = get(client, token, von="2024-01-01", bis="2025-12-31", thema=b, group_by="topic").json()
    assert [row["topic"] for row in only_b["rows"]] == [b]
    assert get(client, token, von="2024-01-01", bis="2025-12-31", kanal="smtp").json()["total"] == 2
    assert get(client, token, von="2024-01-01", bis="2025-12-31", kreis=first.district_key).json()["total"] == 2
    assert get(client, token, von="2024-01-01", bis="2025-12-31", thema="-").json()["total"] == 1
    assert get(client, token, von="2024-01-01", bis="2025-12-31", zustaendig="niemand").json()["total"] == 3
    no_grouping = get(client, token, von="2024-01-01", bis="2025-12-31").json()
    assert no_grouping["rows"][0]["count"] == 4 and no_grouping["total"] == 4


def test_validation_errors_are_german_422_and_consultants_are_refused(setup):
    client, tokens, _topics, _places = setup
    wrong = get(client, tokens["leitung"], group_by="month,wetter")
    assert wrong.status_code == 422
    assert "Unbekannte Gruppierung" in wrong.json()["detail"] and "wetter" in wrong.json()["detail"]
    assert get(client, tokens["leitung"], von="2025-13-01").status_code == 422
    assert get(client, tokens["leitung"], von="2025-05-01", bis="2025-01-01").status_code == 422
    assert get(client, tokens["leitung"], bis="99999-01-01").status_code == 422
    assert get(client, tokens["berater"], group_by="month").status_code == 403
    # The older per-table route still answers beside the new one.
    older = client.get("/api/statistics/kreise", headers={"Authorization": f"Bearer {tokens['leitung']}"})
    assert older.status_code == 200 and older.json()["key"] == "kreise"
