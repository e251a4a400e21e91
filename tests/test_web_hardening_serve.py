"""Web hardening probed against the real ``eingang serve`` (one process: SMTP intake, embedded
queue, scheduler and the web app), as an outsider would: huge streamed request bodies, password
guessing, forged ``X-Forwarded-For`` headers.

Clients use different loopback source addresses (127.0.0.1, .2, .3 — all of 127/8 is local on
Linux) to be different clients; 127.0.0.3 is configured as the trusted reverse proxy."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlmodel import select as sql_select

from models import ChatSession, session_scope
from tests.conftest import free_port, make_settings, migrated_runtime
from tests.test_web_support import PASSWORD, SECRET, add_user, csrf_from

ATTACKER = "127.0.0.1"
COLLEAGUE = "127.0.0.2"
PROXY = "127.0.0.3"
MB = 1024 * 1024


@dataclass
class Serve:
    process: subprocess.Popen
    port: int
    database_url: str

    def client(self, source: str = ATTACKER) -> httpx.Client:
        transport = httpx.HTTPTransport(local_address=source)
        return httpx.Client(base_url=f"http://127.0.0.1:{self.port}", transport=transport, timeout=60)

    def rss(self) -> int:
        """Resident memory of the serve process in bytes (from /proc)."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS")


def _port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def serve(tmp_path_factory) -> Iterator[Serve]:
    folder = tmp_path_factory.mktemp("serve")
    database_url = f"sqlite:///{folder / 'eingang.db'}"
    runtime = migrated_runtime(make_settings(database_url=database_url))
    for name in ("anna", "bert", "carla"):
        add_user(runtime, name, "berater")
    runtime.engine.dispose()
    web_port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("EINGANG_")}
    env.update(
        {
            "EINGANG_DATABASE_URL": database_url,
            "EINGANG_SMTP_PORT": str(free_port()),
            "EINGANG_WEB_PORT": str(web_port),
            "EINGANG_WEB_SECRET_KEY": SECRET,
            "EINGANG_WEB_TRUSTED_PROXIES": PROXY,
            "EINGANG_CHAT_SESSIONS_PER_HOUR": "3",
        }
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "eingang.cli.main", "serve"],
        env=env,
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not _port_open(web_port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"eingang serve did not start:\n{process.communicate(timeout=5)[0]}")
            time.sleep(0.2)
        yield Serve(process, web_port, database_url)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output = process.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            output = process.communicate()[0]
        print(output)


def _login(client: httpx.Client, username: str, password: str, headers: dict | None = None) -> httpx.Response:
    page = client.get("/anmelden", headers=headers)
    return client.post(
        "/anmelden",
        data={"username": username, "password": password, "csrf_token": csrf_from(page.text), "next": "/eingang"},
        headers=headers,
        follow_redirects=False,
    )


def _stream_post(serve: Serve, path: str, total: int, *, chunked: bool, sample) -> tuple[int, bytes]:
    """POST ``total`` bytes of JSON to ``path`` over a raw socket, generated on the fly (the test
    never holds the body); calls ``sample()`` after every MB. Returns (status, response head)."""
    sock = socket.create_connection(("127.0.0.1", serve.port), timeout=60)
    framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {total}"
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{framing}\r\n\r\n"
    sock.sendall(head.encode())
    prefix, suffix = b'{"id": "gross", "text": "', b'"}'
    chunk = b"a" * MB
    sent = 0
    response = b""
    pieces = [prefix] + [chunk] * ((total - len(prefix) - len(suffix)) // MB) + [suffix]
    try:
        for piece in pieces:
            data = f"{len(piece):x}\r\n".encode() + piece + b"\r\n" if chunked else piece
            sock.sendall(data)
            sent += len(piece)
            sample()
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:  # the server answered before the body ended: stop sending
                break
        else:
            if chunked:
                sock.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        while b"\r\n\r\n" not in response:
            data = sock.recv(65536)
            if not data:
                break
            response += data
    finally:
        sock.close()
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/1.1") else 0
    return status, response


def test_a_200_mb_chat_post_is_refused_before_it_is_read(serve):
    with serve.client() as client:  # warm up: the chat page loads the classifier in the background
        assert client.get("/chat").status_code == 200
        started = client.post("/chat/api/sessions", json={"name": "Anna Test", "email": "anna@example.de"})
        assert started.status_code == 201, started.text
        token = started.json()["token"]
        reply = client.post(
            "/chat/api/messages", json={"id": "m1", "text": "Ist ein DMS förderfähig?"}, headers={"X-Chat-Token": token}
        )
        assert reply.status_code == 200, reply.text
    previous = 0
    for _ in range(30):  # wait until the memory has settled
        time.sleep(1)
        current = serve.rss()
        if abs(current - previous) < 2 * MB:
            break
        previous = current
    baseline = serve.rss()
    peak = [baseline]

    def sample():
        peak.append(serve.rss())

    for chunked in (False, True):  # declared with Content-Length, and streamed without one
        status, response = _stream_post(serve, "/chat/api/messages", 200 * MB, chunked=chunked, sample=sample)
        assert status == 413, response[:500]
        assert b"application/json" in response.lower()
    time.sleep(1)
    sample()
    growth = max(peak) - baseline
    print(f"serve RSS {baseline / MB:.0f} MB before, peak {max(peak) / MB:.0f} MB during 2 × 200 MB")
    assert growth < 50 * MB, f"serve grew by {growth / MB:.0f} MB"
    with serve.client() as client:  # and it still answers
        assert client.get("/gesundheit").json() == {"status": "ok"}


def test_guessing_from_one_client_does_not_lock_the_account_for_others(serve):
    with serve.client(ATTACKER) as attacker:
        statuses = [_login(attacker, "anna", f"falsch-{n}").status_code for n in range(25)]
    assert statuses[:5] == [401] * 5
    assert 429 in statuses  # the attacker is slowed down ...
    with serve.client(COLLEAGUE) as colleague:  # ... but anna, from her own machine, gets in
        response = _login(colleague, "anna", PASSWORD)
        assert response.status_code == 303, response.text
        assert colleague.get("/eingang").status_code == 200


def test_delays_grow_with_every_further_wrong_password(serve):
    with serve.client(ATTACKER) as attacker:
        assert [_login(attacker, "carla", "falsch").status_code for _ in range(5)] == [401] * 5
        waits = []
        for _ in range(3):
            assert _login(attacker, "carla", "falsch").status_code == 401  # allowed, but now delayed
            blocked = _login(attacker, "carla", "falsch")
            assert blocked.status_code == 429
            assert "Zu viele Anmeldeversuche" in blocked.text
            waits.append(int(blocked.headers["retry-after"]))
            time.sleep(waits[-1] + 0.2)
        assert waits[0] < waits[1] < waits[2], waits
        # Even the right password waits while the delay runs: it is checked only afterwards.
        assert _login(attacker, "carla", "falsch").status_code == 401
        assert _login(attacker, "carla", PASSWORD).status_code == 429


def test_a_forged_forwarded_for_header_does_not_make_a_new_client(serve):
    with serve.client(ATTACKER) as attacker:
        logins = [
            _login(attacker, "bert", "falsch", headers={"X-Forwarded-For": f"198.51.100.{n}"}).status_code
            for n in range(8)
        ]
        assert 429 in logins, logins
        chats = [
            attacker.post(
                "/chat/api/sessions",
                json={"name": "Rotierer", "email": "rot@example.de"},
                headers={"X-Forwarded-For": f"198.51.100.{n}"},
            ).status_code
            for n in range(5)
        ]
        # the attacker's address already started one chat in the first test; 3 per hour are allowed
        assert chats.count(201) <= 3 and chats[-1] == 429, chats


def test_the_configured_proxy_is_believed(serve):
    with serve.client(PROXY) as proxy:
        for n in range(3):
            response = proxy.post(
                "/chat/api/sessions",
                json={"name": "Hinter Proxy", "email": "proxy@example.de"},
                headers={"X-Forwarded-For": f"203.0.113.{n}, {PROXY}"},
            )
            assert response.status_code == 201, response.text
    runtime = migrated_runtime(make_settings(database_url=serve.database_url))
    with session_scope(runtime.engine) as session:
        addresses = {c.client_address for c in session.exec(sql_select(ChatSession))}
    runtime.engine.dispose()
    assert {"203.0.113.0", "203.0.113.1", "203.0.113.2"} <= addresses
    assert PROXY not in addresses
