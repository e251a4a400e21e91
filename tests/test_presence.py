"""Presence on the case page (issue 14): the registry (``casework.presence``) in-process and on
the real Redis — heartbeats, expiry after the TTL, leaving, display names — and the API
(``/api/consultations/{reference}/presence``): the caller never sees themself, a colleague's
heartbeat makes "Anna bearbeitet diesen Fall gerade", writes need the CSRF token in the
browser session, strangers get 401, unknown references 404; the case page carries the box."""

from __future__ import annotations

import dataclasses

import pytest
import redis
from fastapi.testclient import TestClient

from casework.presence import LocalPresence, RedisPresence, Viewer, sentence
from tests.conftest import REDIS_TEST_URL
from tests.test_web_support import add_user, csrf_from, ingest, login, mail, web_runtime
from web.app import create_app

T0 = 1_800_000_000.0


@pytest.fixture(params=["local", "redis"])
def registry(request):
    if request.param == "local":
        yield LocalPresence()
        return
    namespace = request.getfixturevalue("redis_namespace")
    client = redis.Redis.from_url(REDIS_TEST_URL)
    yield RedisPresence(client, namespace)
    client.close()


def test_heartbeats_expire_and_leave(registry):
    registry.touch("EG-1", "anna", "Anna Schmidt", now=T0)
    registry.touch("EG-1", "ben", "Ben", now=T0 + 10)
    registry.touch("EG-2", "carl", "Carl", now=T0)
    assert registry.viewers("EG-1", now=T0 + 20) == [Viewer("anna", "Anna Schmidt"), Viewer("ben", "Ben")]
    assert registry.viewers("EG-2", now=T0 + 20) == [Viewer("carl", "Carl")]
    # 45 s after the last heartbeat an entry is gone; a new heartbeat keeps it.
    assert registry.viewers("EG-1", now=T0 + 46) == [Viewer("ben", "Ben")]
    registry.touch("EG-1", "ben", "Ben", now=T0 + 50)
    assert registry.viewers("EG-1", now=T0 + 90) == [Viewer("ben", "Ben")]
    registry.leave("EG-1", "ben")
    assert registry.viewers("EG-1", now=T0 + 91) == []
    assert registry.viewers("EG-unbekannt", now=T0) == []


def test_redis_keys_carry_a_ttl(redis_namespace):
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        RedisPresence(client, redis_namespace).touch("EG-7", "anna", "Anna")
        keys = sorted(k.decode() for k in client.scan_iter(f"{redis_namespace}:presence*"))
        assert keys == [f"{redis_namespace}:presence-names:EG-7", f"{redis_namespace}:presence:EG-7"]
        assert all(0 < client.ttl(key) <= 46 for key in keys)
        # Another process (a second web worker) sees the same entry.
        assert RedisPresence(redis.Redis.from_url(REDIS_TEST_URL), redis_namespace).viewers("EG-7") == [
            Viewer("anna", "Anna")
        ]
    finally:
        client.close()


def test_unreachable_redis_shows_nobody():
    registry = RedisPresence(redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2), "x")
    registry.touch("EG-1", "anna", "Anna")  # no exception: best effort
    assert registry.viewers("EG-1") == []


def test_sentence_in_german():
    assert sentence([]) == ""
    assert sentence(["Anna"]) == "Anna bearbeitet diesen Fall gerade"
    assert sentence(["Anna", "Ben"]) == "Anna und Ben bearbeiten diesen Fall gerade"
    assert sentence(["Anna", "Ben", "Jörg"]) == "Anna, Ben und Jörg bearbeiten diesen Fall gerade"


@pytest.fixture(params=["local", "redis"])
def runtime(request, tmp_path):
    runtime = web_runtime(f"sqlite:///{tmp_path / 'presence.db'}")
    if request.param == "local":
        runtime = dataclasses.replace(runtime, presence=LocalPresence())
    else:
        namespace = request.getfixturevalue("redis_namespace")
        runtime = dataclasses.replace(runtime, presence=RedisPresence.from_url(REDIS_TEST_URL, namespace))
    add_user(runtime, "anna", "berater")
    add_user(runtime, "ben", "berater")
    yield runtime
    runtime.engine.dispose()


def test_api_two_consultants_see_each_other(runtime):
    reference = ingest(runtime, mail())
    url = f"/api/consultations/{reference}/presence"
    app = create_app(runtime)
    with TestClient(app) as anna, TestClient(app) as ben:
        login(anna, "anna")
        login(ben, "ben")
        anna_csrf = csrf_from(anna.get(f"/faelle/{reference}").text)
        ben_csrf = csrf_from(ben.get(f"/faelle/{reference}").text)

        first = anna.post(url, headers={"X-CSRF-Token": anna_csrf})
        assert first.status_code == 200
        assert first.json() == {"reference": reference, "others": [], "text": "", "heartbeat_seconds": 15}
        second = ben.post(url, headers={"X-CSRF-Token": ben_csrf}).json()
        assert second["others"] == [{"username": "anna", "display_name": "Anna"}]
        assert second["text"] == "Anna bearbeitet diesen Fall gerade"
        assert anna.get(url).json()["text"] == "Ben bearbeitet diesen Fall gerade"
        # Lower-case reference in the URL: the same consultation.
        assert anna.get(url.replace(reference, reference.lower())).json()["others"][0]["username"] == "ben"

        # Writes without the CSRF token are refused and change nothing.
        assert anna.delete(url).status_code == 403
        assert ben.get(url).json()["text"] == "Anna bearbeitet diesen Fall gerade"
        assert anna.delete(url, headers={"X-CSRF-Token": anna_csrf}).status_code == 200
        assert ben.get(url).json()["others"] == []

        assert anna.get("/api/consultations/EG-0000-99999/presence").status_code == 404
    with TestClient(app) as stranger:
        assert stranger.get(url).status_code == 401
        assert stranger.post(url).status_code == 401


def test_case_page_has_the_presence_box(runtime):
    reference = ingest(runtime, mail())
    with TestClient(create_app(runtime)) as client:
        login(client, "anna")
        page = client.get(f"/faelle/{reference}").text
    assert f'data-url="/api/consultations/{reference}/presence"' in page
    assert '<script src="/static/presence.js" defer></script>' in page


def test_registry_follows_the_redis_setting(sqlite_url, redis_namespace):
    from tests.conftest import make_settings, migrated_runtime

    embedded = migrated_runtime(make_settings(database_url=sqlite_url))
    with_redis = migrated_runtime(
        make_settings(database_url=sqlite_url, redis_url=REDIS_TEST_URL, redis_namespace=redis_namespace)
    )
    try:
        # the in-process registry belongs to its runtime: two apps in one process share nothing
        other = migrated_runtime(make_settings(database_url=sqlite_url))
        assert isinstance(embedded.presence, LocalPresence) and embedded.presence is not other.presence
        other.engine.dispose()
        assert isinstance(with_redis.presence, RedisPresence) and with_redis.presence.namespace == redis_namespace
    finally:
        embedded.engine.dispose()
        with_redis.engine.dispose()
