"""Shared fixtures: runtimes on SQLite and on the real PostgreSQL, real Redis brokers in
their own namespaces, real SMTP servers on free loopback ports.

Services: in CI (``CI`` set) a missing PostgreSQL/Redis/Dovecot/Chromium FAILS the test; on a
developer laptop such tests are skipped with a message saying so."""

from __future__ import annotations

import os
import shutil
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import dramatiq
import pytest
from sqlalchemy import create_engine, text

from casework.gazetteers import sync_gazetteer
from casework.runtime import Runtime
from eingang.runtime import build_runtime
from eingang.settings import Settings
from models import session_scope
from models.migrate import upgrade_database
from queue_workers.broker import broker_of

POSTGRES_ADMIN_URL = os.environ.get(
    "EINGANG_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS_TEST_URL = os.environ.get("EINGANG_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def service_missing(what: str, reason: str) -> None:
    """Fail in CI, skip on a laptop: a missing real service never passes silently in CI."""
    message = f"{what} is not available: {reason}"
    if in_ci():
        pytest.fail(f"{message} (CI must provide it; see .ci/run)")
    pytest.skip(f"{message} — skipped on this developer machine; CI runs it")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_settings(**overrides) -> Settings:
    """Settings for tests: never reads the developer's .env."""
    values = {"smtp_port": free_port(), "redis_url": None}
    values.update(overrides)
    return Settings(_env_file=None, **values)


def migrated_runtime(settings: Settings, **options) -> Runtime:
    runtime = build_runtime(settings, **options)
    upgrade_database(runtime.engine)
    with session_scope(runtime.engine) as session:
        sync_gazetteer(session, runtime.gazetteers.packaged)
    return runtime


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'eingang-test.db'}"


@pytest.fixture
def sqlite_runtime(sqlite_url: str) -> Iterator[Runtime]:
    runtime = migrated_runtime(make_settings(database_url=sqlite_url))
    yield runtime
    runtime.engine.dispose()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh database on the real PostgreSQL for this test, dropped afterwards."""
    try:
        admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        service_missing("PostgreSQL at 127.0.0.1:5432", str(error).splitlines()[0])
    name = f"eingang_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def postgres_runtime(postgres_url: str) -> Iterator[Runtime]:
    runtime = migrated_runtime(make_settings(database_url=postgres_url))
    yield runtime
    runtime.engine.dispose()


@pytest.fixture
def redis_namespace() -> Iterator[str]:
    """A Redis namespace of this test's own on the real Redis; its keys are deleted afterwards."""
    import redis

    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except Exception as error:
        service_missing("Redis at 127.0.0.1:6379", str(error))
    namespace = f"eingang-test-{uuid.uuid4().hex[:12]}"
    try:
        yield namespace
    finally:
        for key in client.scan_iter(f"{namespace}*"):
            client.delete(key)
        client.close()


@pytest.fixture
def redis_postgres_runtime(postgres_url: str, redis_namespace: str) -> Iterator[Runtime]:
    runtime = migrated_runtime(
        make_settings(database_url=postgres_url, redis_url=REDIS_TEST_URL, redis_namespace=redis_namespace)
    )
    yield runtime
    runtime.engine.dispose()


@pytest.fixture
def queue_for():
    """Run an in-process dramatiq worker on ``runtime``'s broker (Stub or Redis, with the
    runtime's actors); stops it after the test."""
    started: list[dramatiq.Worker] = []

    def start(runtime: Runtime, *, worker_threads: int = 2) -> dramatiq.Broker:
        broker = broker_of(runtime)
        if runtime.settings.redis_url:
            broker.flush_all()
        worker = dramatiq.Worker(broker, worker_threads=worker_threads, worker_timeout=100)
        worker.start()
        started.append(worker)
        return broker

    yield start
    for worker in started:
        worker.stop()


def wait_for_mail(sink: RecordingSink, count: int = 1, *, timeout: float = 30) -> list:
    """Wait until the sink received ``count`` messages (the outbox delivers after the commit,
    through the queue); returns them parsed."""
    import time

    deadline = time.monotonic() + timeout
    while len(sink.messages) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(sink.messages) >= count, f"{len(sink.messages)} of {count} mails delivered within {timeout} s"
    return sink.parsed()


class RecordingSink:
    """An aiosmtpd handler that records every message it receives (the outgoing relay in tests)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 OK"

    def parsed(self):
        import email
        import email.policy

        return [email.message_from_bytes(raw, policy=email.policy.default) for _f, _t, raw in self.messages]


@pytest.fixture
def smtp_sink() -> Iterator[tuple[RecordingSink, int]]:
    """A real aiosmtpd server on a free loopback port that records what was sent to it."""
    from aiosmtpd.controller import Controller

    sink = RecordingSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


# Debian's Chromium driven by Playwright; no browser is downloaded.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--lang=de-DE",  # the browser's own controls (file picker, date field) in German, as users see them
]


# Where the browser tests save their screenshots: a temporary directory, so a test run never
# rewrites tracked files. ``python tools/screenshots.py`` sets it to docs/screenshots on purpose.
SCREENSHOTS_DIR_VARIABLE = "EINGANG_DEV_SCREENSHOTS_DIR"


@pytest.fixture
def screenshots(tmp_path) -> Path:
    """The directory browser tests save screenshots to (created)."""
    chosen = os.environ.get(SCREENSHOTS_DIR_VARIABLE)
    directory = Path(chosen) if chosen else tmp_path / "screenshots"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def assert_png(path: Path) -> None:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", path


@pytest.fixture
def browser():
    """A headless Chromium (Debian's) for browser tests; fails in CI when it is missing."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        service_missing("Chromium", f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        service_missing("Playwright", str(error))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
