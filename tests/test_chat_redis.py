"""The chat on the production topology: PostgreSQL and a Redis queue with a dramatiq worker.
The web request enqueues the stored chat message and waits briefly for the worker."""

from __future__ import annotations

import re
import time

import httpx
import pytest
from sqlmodel import Session, select

from models import Consultation, InboundMessage
from tests.chat_support import serve_app
from tests.conftest import free_port

# Generous timeouts: the first message of a process loads the classifier (seconds on a busy machine).
HTTP = httpx.Client(timeout=30)

pytestmark = [pytest.mark.redis, pytest.mark.postgres]


def test_chat_reply_with_reference_through_redis_worker(redis_postgres_runtime, queue_for):
    runtime = redis_postgres_runtime
    queue_for(runtime)
    with serve_app(runtime, free_port()) as address:
        base = f"http://{address}"
        token = HTTP.post(
            f"{base}/chat/api/sessions",
            json={"name": "Max Weber", "email": "m.weber@vg-leinetal.de", "authority_key": "16061001"},
        ).json()["token"]
        started = time.monotonic()
        response = HTTP.post(
            f"{base}/chat/api/messages",
            json={"id": "r1", "text": "Welche Leistungen müssen wir nach dem OZG über ThAVEL anbieten?"},
            headers={"X-Chat-Token": token},
            timeout=30,
        )
        elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    reply = response.json()["lines"][1]["text"]
    reference = re.search(r"KV-\d{4}-\d{5}", reply).group(0)
    assert "ThAVEL" in reply
    with Session(runtime.engine) as session:
        consultation = session.exec(select(Consultation)).one()
        inbound = session.exec(select(InboundMessage)).one()
    assert consultation.reference == reference and consultation.channel == "chat"
    assert inbound.status == "processed" and inbound.channel == "chat"
    assert consultation.authority_key == "16061001"
    assert elapsed < runtime.settings.chat_reply_wait_seconds
