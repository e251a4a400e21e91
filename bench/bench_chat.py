"""Benchmark of the chat: how fast a visitor gets the assistant's reply (reference + guidance)
and how fast a consultant's answer reaches a connected visitor.

Run: ``.venv/bin/python bench/bench_chat.py [--messages 20]``. Serves the real web app with
uvicorn on a free loopback port (SQLite file in a temp folder, embedded queue), talks to it with
the ``websockets`` client, and prints median / 95th percentile / max in milliseconds."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlmodel import Session, select  # noqa: E402
from websockets.sync.client import connect  # noqa: E402

from models import Consultation  # noqa: E402
from tests.chat_support import consultant_token, serve_app  # noqa: E402
from tests.conftest import free_port, make_settings, migrated_runtime  # noqa: E402

QUESTIONS = (
    "Ist die Einführung eines DMS nach der ThürEGovRL förderfähig?",
    "Welche Leistungen müssen wir nach dem OZG über ThAVEL anbieten?",
    "Wir möchten ein ISMS nach BSI IT-Grundschutz aufbauen. Wie fangen wir an?",
)


def until(socket, role: str) -> dict:
    while True:
        frame = json.loads(socket.recv(timeout=30))
        if frame.get("type") == "line" and frame["line"]["role"] == role:
            return frame["line"]


def summary(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{name}: n={len(ms)} median={statistics.median(ms):.0f} ms p95={p95:.0f} ms max={ms[-1]:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        runtime = migrated_runtime(
            make_settings(
                database_url=f"sqlite:///{folder}/chat.db",
                chat_rate_limit_per_minute=10_000,
                chat_sessions_per_hour=10_000,
            )
        )
        with serve_app(runtime, free_port()) as address, httpx.Client(timeout=60) as http:
            bearer = consultant_token(runtime)
            started = time.monotonic()
            warm = http.post(
                f"http://{address}/chat/api/sessions",
                json={"name": "Warm", "email": "warm@erfurt.de", "authority_key": "16051000"},
            ).json()["token"]
            http.post(
                f"http://{address}/chat/api/messages", json={"id": "w", "text": "Hallo"}, headers={"X-Chat-Token": warm}
            )
            print(f"first message of the process (classifier load included): {time.monotonic() - started:.2f} s")
            replies, answers = [], []
            for number in range(args.messages):
                token = http.post(
                    f"http://{address}/chat/api/sessions",
                    json={"name": f"Besucher {number}", "email": f"b{number}@erfurt.de", "authority_key": "16051000"},
                ).json()["token"]
                with connect(f"ws://{address}/chat/ws") as socket:
                    socket.send(json.dumps({"type": "hello", "token": token}))
                    json.loads(socket.recv(timeout=10))
                    sent = time.monotonic()
                    socket.send(json.dumps({"type": "message", "id": "q", "text": QUESTIONS[number % len(QUESTIONS)]}))
                    reply = until(socket, "assistant")
                    replies.append(time.monotonic() - sent)
                    with Session(runtime.engine) as session:
                        consultation_id = session.exec(
                            select(Consultation.id).where(Consultation.reference == reply["reference"])
                        ).one()
                    sent = time.monotonic()
                    http.post(
                        f"http://{address}/chat/api/consultations/{consultation_id}/answers",
                        json={"text": "Antwort"},
                        headers={"Authorization": f"Bearer {bearer}"},
                    )
                    until(socket, "consultant")
                    answers.append(time.monotonic() - sent)
        runtime.engine.dispose()
    print(summary("visitor message → assistant reply with reference", replies))
    print(summary("consultant answer → visitor's browser (WebSocket)", answers))


if __name__ == "__main__":
    main()
