"""Live updates of the open pages as server-sent events (``GET /live``): each event of
``casework.live`` becomes ``event: consultation`` with ``{"kind", "reference", "actor"}`` as
data. Shared by the inbox and the case page. ``publish_change`` is what the web routes call
after a commit. The stream ends after ``MAX_STREAM_SECONDS`` (the browser reconnects), so no
connection outlives a restart for long."""

from __future__ import annotations

import asyncio
import json
import time

from fastapi import APIRouter, Request
from fastapi.responses import Response, StreamingResponse
from sqlmodel import Session

from casework import live
from web.security import _session_user

router = APIRouter(include_in_schema=False)
HEARTBEAT_SECONDS = 15
MAX_STREAM_SECONDS = 300
POLL_SECONDS = 0.25


def publish_change(request: Request, reference: str, actor: str, kind: str = "changed") -> None:
    live.publish(request.app.state.runtime.events, kind=kind, reference=reference, actor=actor)


def _signed_in(request: Request) -> bool:
    """Checked once, with a session closed at once: a stream must not hold a connection."""
    with Session(request.app.state.runtime.engine) as db:
        return _session_user(request, db) is not None


@router.get("/live")
async def stream(request: Request):
    if not await asyncio.to_thread(_signed_in, request):
        return Response("Bitte melden Sie sich an.", status_code=401, media_type="text/plain; charset=utf-8")
    bus = request.app.state.runtime.events or live.DEFAULT_EVENTS

    async def events():
        with bus.subscribe() as subscription:
            yield "retry: 3000\n: verbunden\n\n"
            started = last_beat = time.monotonic()
            while time.monotonic() - started < MAX_STREAM_SECONDS:
                if await request.is_disconnected():
                    return
                event = subscription.get(0)  # non-blocking: a stream holds no thread
                if event is None:
                    await asyncio.sleep(POLL_SECONDS)
                if event is not None:
                    data = json.dumps({k: str(event.get(k, "")) for k in ("kind", "reference", "actor")})
                    yield f"event: consultation\ndata: {data}\n\n"
                elif time.monotonic() - last_beat > HEARTBEAT_SECONDS:
                    last_beat = time.monotonic()
                    yield ": ping\n\n"

    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(events(), media_type="text/event-stream", headers=headers)
