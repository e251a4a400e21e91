"""Operators' view: ``/metrics`` parsed with prometheus-client's own parser — counters
incremented where things happen (stored, processed, failed, logins), gauges from the database
at scrape time, access only with the token or from the loopback address; the scheduler's
metrics on its own port; several processes summed in multiprocess mode; the "Betrieb" page."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import timedelta

import httpx
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from intake.channel import store_raw
from models import Channel, InboundMessage, PeriodicRun, session_scope, utcnow
from tests.conftest import free_port
from tests.helpers import EINGANG, cli_env, stop_process
from tests.test_web_support import add_user, login, mail, web_runtime
from web.app import create_app

TOKEN = "metrik-token-" + "y" * 24


def samples(text: str) -> dict[tuple[str, tuple], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def scrape(client) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


def wait_until_processed(runtime, inbound_id: int, timeout: float = 60) -> InboundMessage:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with session_scope(runtime.engine) as session:
            row = session.get(InboundMessage, inbound_id)
            if row.status != "received":
                return row
        time.sleep(0.1)
    raise AssertionError("message was not processed")


def test_metrics_count_what_happens_and_describe_the_database(sqlite_url, queue_for):
    runtime = web_runtime(sqlite_url, metrics_token=TOKEN)
    add_user(runtime, "anna", "berater")
    with TestClient(create_app(runtime)) as client:
        assert client.get("/metrics").status_code == 403
        assert client.get("/metrics", headers={"Authorization": "Bearer falsch"}).status_code == 403
        before = scrape(client)

        def delta(name, **labels):
            key = (name, tuple(sorted(labels.items())))
            return after.get(key, 0) - before.get(key, 0)

        queue_for(runtime)
        from queue_workers.actors import process_message

        good, _ = store_raw(runtime.engine, mail(), channel=Channel.SMTP)
        bad, _ = store_raw(runtime.engine, b"\x00\x01 kein Mailkopf", channel=Channel.FILE)
        waiting, _ = store_raw(runtime.engine, mail(subject="Noch offen"), channel=Channel.SMTP)
        with session_scope(runtime.engine) as session:  # stored an hour ago, never processed
            session.get(InboundMessage, waiting).received_at = utcnow() - timedelta(hours=1)
            session.add(PeriodicRun(job="sweeper", period="123", started_at=utcnow() - timedelta(minutes=5)))
        process_message.send(good)
        process_message.send(bad)
        assert wait_until_processed(runtime, good).status == "processed"
        assert wait_until_processed(runtime, bad).status == "failed"
        assert login(client, "anna", "falsches-passwort").status_code == 401
        after = scrape(client)

    assert delta("eingang_messages_stored_total", channel="smtp") == 2
    assert delta("eingang_messages_stored_total", channel="file") == 1
    assert delta("eingang_messages_processed_total") == 1
    assert delta("eingang_messages_failed_total", reason="error") == 1
    assert delta("eingang_message_processing_seconds_count") == 2  # every attempt, failed ones too
    assert delta("eingang_logins_failed_total", reason="wrong_credentials") == 1
    assert after[("eingang_messages_waiting", ())] == 1
    assert 3500 < after[("eingang_oldest_unprocessed_message_age_seconds", ())] < 3700
    assert after[("eingang_inbound_messages", (("status", "failed"),))] == 1
    last_sweep = after[("eingang_periodic_job_last_run_timestamp_seconds", (("job", "sweeper"),))]
    assert abs(time.time() - 300 - last_sweep) < 60
    runtime.engine.dispose()


def test_without_token_only_the_loopback_address_may_scrape(sqlite_url):
    runtime = web_runtime(sqlite_url)
    app = create_app(runtime)
    with TestClient(app, client=("127.0.0.1", 40000)) as local:
        assert local.get("/metrics").status_code == 200
    with TestClient(app, client=("192.0.2.7", 40000)) as remote:
        assert remote.get("/metrics").status_code == 403
    runtime.engine.dispose()


def test_scheduler_serves_its_metrics_on_its_own_port(sqlite_url):
    web_runtime(sqlite_url).engine.dispose()  # a migrated database
    port = free_port()
    env = cli_env(database_url=sqlite_url, metrics_port=str(port), scheduler_tick_seconds="0.2")
    process = subprocess.Popen(
        [EINGANG, "scheduler"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        found = {}
        while time.monotonic() < deadline:
            try:
                found = samples(httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text)
            except httpx.HTTPError:
                found = {}
            if found.get(("eingang_periodic_runs_total", (("job", "sweeper"), ("outcome", "ok")))):
                break
            time.sleep(0.3)
        assert found.get(("eingang_periodic_runs_total", (("job", "sweeper"), ("outcome", "ok")))) == 1
    finally:
        stop_process(process)


def test_multiprocess_mode_sums_the_counters_of_every_process(tmp_path):
    directory = tmp_path / "prometheus"
    directory.mkdir()
    env = {"PROMETHEUS_MULTIPROC_DIR": str(directory), "PATH": "/usr/bin:/bin"}
    count = "from models import metrics; metrics.MESSAGES_STORED.labels(channel='imap').inc(2)"
    for _ in range(2):  # two worker processes, each counting in its own file
        subprocess.run([sys.executable, "-c", count], env=env, check=True, timeout=60)
    read = (
        "from prometheus_client import generate_latest; from models.metrics import process_registry; "
        "print(generate_latest(process_registry()).decode())"
    )
    text = subprocess.run(
        [sys.executable, "-c", read], env=env, check=True, timeout=60, capture_output=True, text=True
    ).stdout
    assert samples(text)[("eingang_messages_stored_total", (("channel", "imap"),))] == 4


def test_operations_page_shows_failed_messages_jobs_and_versions(sqlite_url):
    runtime = web_runtime(sqlite_url)
    add_user(runtime, "adam", "admin")
    add_user(runtime, "lea", "leitung")
    inbound_id, _ = store_raw(runtime.engine, b"kaputt", channel=Channel.FILE)
    from queue_workers.pipeline import mark_failed

    with session_scope(runtime.engine) as session:
        mark_failed(session, inbound_id, "UnreadableMessage: keine Kopfzeilen gefunden")
        session.add(PeriodicRun(job="sla", period="1"))
    with TestClient(create_app(runtime)) as client:
        assert login(client, "lea").status_code == 303
        assert client.get("/admin/betrieb").status_code == 403
    with TestClient(create_app(runtime)) as client:
        assert login(client, "adam").status_code == 303
        page = client.get("/admin/betrieb")
        assert page.status_code == 200
        assert "keine Kopfzeilen gefunden" in page.text and f"/fehlgeschlagen/{inbound_id}/erneut" in page.text
        assert "Fristen und Eskalationen" in page.text and "noch nie" in page.text  # the sweeper never ran
        assert "Themenmodell" in page.text and "trainiert" in page.text and "mitgelieferter Gazetteer" in page.text
        assert "eingebettet" in page.text
    runtime.engine.dispose()


def test_json_logs_name_ids_and_references_but_never_the_mail_body(sqlite_url, tmp_path):
    web_runtime(sqlite_url).engine.dispose()
    secret = "Geheimer Satz aus dem Mailtext 4711"
    (tmp_path / "frage.eml").write_bytes(mail(body=f"Sehr geehrte Damen und Herren,\n{secret}\nGruß"))
    env = cli_env(database_url=sqlite_url, log_format="json")
    result = subprocess.run(
        [EINGANG, "ingest", str(tmp_path / "frage.eml")], env=env, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0, result.stderr
    import json

    lines = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    assert lines and all({"time", "level", "logger", "message"} <= set(line) for line in lines)
    processed = [line for line in lines if line.get("reference")]
    assert processed and processed[0]["reference"].startswith("KV-") and isinstance(processed[0]["inbound_id"], int)
    assert secret not in result.stderr and secret not in result.stdout


def test_grafana_dashboard_uses_only_metrics_that_exist(sqlite_url):
    import json
    import re
    from pathlib import Path

    dashboard = json.loads((Path(__file__).parents[1] / "deploy" / "grafana" / "eingang.json").read_text("utf-8"))
    used = {
        name
        for panel in dashboard["panels"]
        for target in panel["targets"]
        for name in re.findall(r"eingang_[a-z_]+", target["expr"])
    }
    runtime = web_runtime(sqlite_url, metrics_token=TOKEN, redis_url="redis://127.0.0.1:1/0")
    with TestClient(create_app(runtime)) as client:
        text = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"}).text
    exposed = set(re.findall(r"^# TYPE (eingang_[a-z_]+)", text, flags=re.M))
    exposed |= {f"{name}_total" for name in exposed} | {f"{name}_bucket" for name in exposed}
    exposed.add("eingang_queue_depth")  # only when Redis answers
    assert used and used <= exposed, used - exposed
    assert samples(text)[("eingang_broker_up", ())] == 0  # Redis away: the scrape still answers
    runtime.engine.dispose()


def test_queue_depth_is_read_from_the_real_redis(sqlite_url, redis_namespace):
    from queue_workers.broker import setup_broker
    from tests.conftest import REDIS_TEST_URL, make_settings

    runtime = web_runtime(sqlite_url, metrics_token=TOKEN, redis_url=REDIS_TEST_URL, redis_namespace=redis_namespace)
    setup_broker(runtime.settings)
    try:
        from queue_workers.actors import process_message

        for inbound_id in (1, 2, 3):  # no worker runs: they wait in the queue
            process_message.send(inbound_id)
        with TestClient(create_app(runtime)) as client:
            found = scrape(client)
        assert found[("eingang_queue_depth", (("state", "ready"),))] == 3
        assert found[("eingang_queue_depth", (("state", "dead"),))] == 0
        assert found[("eingang_broker_up", ())] == 1
    finally:
        setup_broker(make_settings())  # back to the in-process broker for the other tests
        runtime.engine.dispose()


def test_worker_processes_are_summed_on_the_workers_metrics_port(sqlite_url, redis_namespace, tmp_path):
    from queue_workers.broker import setup_broker
    from tests.conftest import REDIS_TEST_URL, make_settings

    runtime = web_runtime(sqlite_url, redis_url=REDIS_TEST_URL, redis_namespace=redis_namespace)
    port = free_port()
    env = cli_env(
        database_url=sqlite_url, redis_url=REDIS_TEST_URL, redis_namespace=redis_namespace, metrics_port=str(port)
    )
    (tmp_path / "prometheus").mkdir()  # a directory of its own: every *.db file in it is read as metrics
    env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path / "prometheus")
    worker = subprocess.Popen(
        [EINGANG, "worker", "--processes", "2", "--threads", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    setup_broker(runtime.settings)
    try:
        from queue_workers.actors import process_message

        ids = [store_raw(runtime.engine, mail(subject=f"Frage {n}"), channel=Channel.SMTP)[0] for n in range(3)]
        for inbound_id in ids:
            process_message.send(inbound_id)
        for inbound_id in ids:
            assert wait_until_processed(runtime, inbound_id, timeout=120).status == "processed"
        deadline = time.monotonic() + 30
        processed = None
        while time.monotonic() < deadline:
            try:
                processed = samples(httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text).get(
                    ("eingang_messages_processed_total", ())
                )
            except httpx.HTTPError:  # not yet listening
                processed = None
            if processed == 3:
                break
            time.sleep(0.3)
        assert processed == 3, stop_process(worker, timeout=30)[1][-3000:]
    finally:
        stop_process(worker, timeout=30)
        setup_broker(make_settings())
        runtime.engine.dispose()


def test_operations_page_shows_the_dead_letters_of_the_real_queue(redis_postgres_runtime, queue_for, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import queue_workers.pipeline as pipeline

    def database_away(parsed):
        raise OperationalError("SELECT 1", {}, ConnectionError("Datenbank kurz weg"))

    monkeypatch.setattr(pipeline, "classify", database_away)
    runtime = redis_postgres_runtime
    add_user(runtime, "adam", "admin")
    queue_for(runtime, worker_threads=1)
    import queue_workers.actors as actors

    inbound_id, _ = store_raw(runtime.engine, mail(subject="Immer Ärger"), channel=Channel.SMTP)
    actors.process_message.send_with_options(args=(inbound_id,), max_retries=1, min_backoff=50, max_backoff=100)
    assert wait_until_processed(runtime, inbound_id).status == "failed"
    with TestClient(create_app(runtime)) as client:
        assert login(client, "adam").status_code == 303
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            page = client.get("/admin/betrieb").text
            letters = page.split('id="dead-letters"')[1]
            if "process_message" in letters:
                break
            time.sleep(0.2)
        assert "process_message" in letters and str(inbound_id) in letters and "OperationalError" in letters
        assert "1 Wiederholungen erschöpft" in page  # the failed message with its error, beside it
