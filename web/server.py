"""Running the web app inside ``eingang serve``: uvicorn in a background thread."""

from __future__ import annotations

import threading
import time

import uvicorn

from eingang.runtime import Runtime
from web.app import create_app


class WebServer:
    """uvicorn serving ``create_app(runtime)`` in a thread; ``stop()`` ends it gracefully."""

    def __init__(self, runtime: Runtime, *, host: str, port: int) -> None:
        config = uvicorn.Config(
            create_app(runtime),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="off",
            proxy_headers=False,  # X-Forwarded-For only from EINGANG_WEB_TRUSTED_PROXIES (web.proxies)
            ws_max_size=runtime.settings.web_max_chat_body_bytes,
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="eingang-web", daemon=True)
        self.url = f"http://{host}:{port}"

    def start(self, timeout: float = 15) -> WebServer:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"Weboberfläche konnte nicht auf {self.url} starten (Port belegt?)")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_web_server(runtime: Runtime, *, host: str | None = None, port: int | None = None) -> WebServer:
    settings = runtime.settings
    return WebServer(runtime, host=host or settings.web_host, port=port or settings.web_port).start()
