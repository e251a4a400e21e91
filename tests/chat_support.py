"""Helpers of the chat tests: the real web app served by uvicorn on a free loopback port in a
thread, and a consultant with an API token."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from casework.runtime import Runtime
from models import session_scope


@contextmanager
def serve_app(runtime: Runtime, port: int) -> Iterator[str]:
    """Serve ``web.app.create_app(runtime)`` on 127.0.0.1:port; yields the base URL."""
    from web.app import create_app

    app = create_app(runtime)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", ws="websockets-sansio", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="chat-test-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def consultant_token(runtime: Runtime, username: str = "berater1") -> str:
    """A consultant account and its API token (Bearer)."""
    from casework.accounts import create_user, issue_api_token

    with session_scope(runtime.engine) as session:
        user = create_user(
            session, username=username, password="ein-langes-passwort-123", role="berater", display_name="Anna Berater"
        )
        return issue_api_token(session, user)
