"""Chat routes: the widget page and its assets, the visitor's WebSocket with an HTTP fallback
(POST + long polling), the gazetteer search, and the consultant's live-answer API.

Visitor requests carry the chat token in a header (``X-Chat-Token``) or, on the WebSocket, in
the first frame — never in a URL, so it does not end up in access logs. A custom header also
keeps cross-site forms from posting into someone's chat."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import FileResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.requests import HTTPConnection

from eingang.runtime import Runtime
from intake.chat import ChatInputError
from web.chat import service
from web.chat.ratelimit import SlidingWindowLimiter
from web.errors import CHAT_ERROR_RESPONSES
from web.params import DbId, LineId
from web.security import ApiUser

logger = logging.getLogger(__name__)

router = APIRouter(tags=["chat"], responses=CHAT_ERROR_RESPONSES)

WEB_DIR = Path(__file__).resolve().parents[1]
STATIC_DIR = WEB_DIR / "static" / "chat"
STATIC_FILES = {"chat.js", "chat.css", "consultant.js", "consultant.css"}
templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))

LONG_POLL_MAX_SECONDS = 25.0
SOCKET_IDLE_SECONDS = 0.5  # how often a socket looks for new lines (answers from other processes)
PRESENCE_TOUCH_SECONDS = 5.0


def get_runtime(connection: HTTPConnection) -> Runtime:
    """The app's Runtime (set by the web app factory as ``app.state.runtime``)."""
    return connection.app.state.runtime


def _client(connection: HTTPConnection) -> str:
    return connection.client.host if connection.client else "unknown"


def _limiter(connection: HTTPConnection, name: str) -> SlidingWindowLimiter:
    """Per-app limiters, created on first use from the app's settings."""
    state = connection.app.state
    limiters = getattr(state, "chat_limiters", None)
    if limiters is None:
        settings = get_runtime(connection).settings
        limiters = state.chat_limiters = {
            "message": SlidingWindowLimiter(settings.chat_rate_limit_per_minute, 60),
            "session": SlidingWindowLimiter(settings.chat_sessions_per_hour, 3600),
            "search": SlidingWindowLimiter(120, 60),
        }
    return limiters[name]


def _wakers(connection: HTTPConnection) -> set[asyncio.Event]:
    """Events of the visitor sockets open in this process (answers from other processes are
    found by the sockets' own polling every SOCKET_IDLE_SECONDS)."""
    state = connection.app.state
    if getattr(state, "chat_wakers", None) is None:
        state.chat_wakers = set()
    return state.chat_wakers


def _error(status: int, code: str, message: str, *, retry_after: float | None = None) -> JSONResponse:
    headers = {"Retry-After": str(int(retry_after) + 1)} if retry_after else None
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def _rate_limited_message(retry_after: float) -> str:
    return f"Zu viele Nachrichten in kurzer Zeit. Bitte warten Sie {int(retry_after) + 1} Sekunden."


INPUT_ERROR_STATUS = {"session_unknown": 404, "too_long": 413}


# ---------------------------------------------------------------- page and assets


@router.get("/chat", include_in_schema=False)
def chat_page(request: Request):
    """The chat widget for municipality employees."""
    settings = get_runtime(request).settings
    service.warm_up()
    return templates.TemplateResponse(
        request,
        "chat/widget.html",
        {"max_chars": settings.chat_max_message_chars},
    )


@router.get("/chat/static/{name}", include_in_schema=False)
def chat_asset(name: str):
    if name not in STATIC_FILES:
        raise HTTPException(404)
    media = "text/javascript" if name.endswith(".js") else "text/css"
    return FileResponse(STATIC_DIR / name, media_type=f"{media}; charset=utf-8", headers={"Cache-Control": "no-cache"})


# ---------------------------------------------------------------- visitor API (HTTP fallback)


class StartChat(BaseModel):
    name: str = ""
    email: str = ""
    authority_key: str | None = None


class VisitorMessage(BaseModel):
    id: str = ""
    text: str = ""


@router.get("/chat/api/authorities")
def authorities(request: Request, q: Annotated[str, Query(max_length=100)] = ""):
    """Search Thuringian authorities (Gemeinden, VGs, Landkreise) by name."""
    if _limiter(request, "search").hit(_client(request)):
        return _error(429, "rate_limited", "Zu viele Suchanfragen. Bitte kurz warten.", retry_after=5)
    return {"authorities": service.search_authorities(q)}


@router.post("/chat/api/sessions", status_code=201)
async def start_chat(request: Request, body: StartChat):
    """Start a chat; the answer holds the token for all further requests."""
    service.warm_up()
    retry = _limiter(request, "session").hit(_client(request))
    if retry:
        return _error(
            429, "rate_limited", "Zu viele neue Chats von Ihrem Anschluss. Bitte später erneut.", retry_after=retry
        )
    try:
        return await asyncio.to_thread(
            service.start_chat,
            get_runtime(request),
            name=body.name,
            email=body.email,
            authority_key=body.authority_key,
            client=_client(request),
        )
    except ChatInputError as error:
        return _error(400, error.code, str(error))


@router.post("/chat/api/messages")
async def post_message(request: Request, body: VisitorMessage, x_chat_token: Annotated[str | None, Header()] = None):
    """Send one message (idempotent per ``id``); returns the stored line and the assistant's reply."""
    retry = _limiter(request, "message").hit(_client(request))
    if retry:
        return _error(429, "rate_limited", _rate_limited_message(retry), retry_after=retry)
    try:
        lines = await asyncio.to_thread(
            service.receive_message,
            get_runtime(request),
            x_chat_token or "",
            client_id=body.id,
            text=body.text,
            peer=_client(request),
        )
    except ChatInputError as error:
        return _error(INPUT_ERROR_STATUS.get(error.code, 400), error.code, str(error))
    return {"id": body.id, "lines": lines}


@router.get("/chat/api/lines")
async def poll_lines(
    request: Request,
    after: LineId = 0,
    wait: Annotated[float, Query(ge=0, le=LONG_POLL_MAX_SECONDS)] = 0,
    x_chat_token: Annotated[str | None, Header()] = None,
):
    """Lines after ``after``; waits up to ``wait`` seconds for new ones (long polling)."""
    runtime = get_runtime(request)
    token = x_chat_token or ""
    if not await asyncio.to_thread(service.touch, runtime, token):
        return _error(404, "session_unknown", "Dieser Chat ist nicht mehr gültig. Bitte starten Sie neu.")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        lines, _known = await asyncio.to_thread(service.lines_after, runtime, token, after)
        if lines or loop.time() >= deadline or await request.is_disconnected():
            await asyncio.to_thread(service.mark_delivered, runtime, lines)
            return {"lines": lines}
        await asyncio.sleep(SOCKET_IDLE_SECONDS)


# ---------------------------------------------------------------- visitor WebSocket


@router.websocket("/chat/ws")
async def chat_socket(websocket: WebSocket):
    """Frames (JSON): client → {type: hello, token, after} first, then {type: message, id, text}
    or {type: ping}; server → {type: ready}, {type: ack, id}, {type: line, line},
    {type: error, code, message, id?, retry_after?}, {type: pong}."""
    runtime = get_runtime(websocket)
    settings = runtime.settings
    await websocket.accept()
    send_lock = asyncio.Lock()

    async def send(frame: dict) -> None:
        async with send_lock:
            await websocket.send_text(json.dumps(frame, ensure_ascii=False))

    try:
        hello = json.loads(await asyncio.wait_for(websocket.receive_text(), 15))
        token = str(hello.get("token") or "")
        after = int(hello.get("after") or 0)
    except (TimeoutError, ValueError, TypeError, AttributeError):
        await send({"type": "error", "code": "bad_request", "message": "Ungültiger Verbindungsaufbau."})
        await websocket.close(code=4400)
        return
    except WebSocketDisconnect:
        return
    if not await asyncio.to_thread(service.touch, runtime, token):
        await send({"type": "error", "code": "session_unknown", "message": "Dieser Chat ist nicht mehr gültig."})
        await websocket.close(code=4404)
        return
    await send({"type": "ready"})

    wake = asyncio.Event()
    position = {"after": after}
    wakers = _wakers(websocket)
    wakers.add(wake)  # an answer given in this process wakes the socket at once
    closing = asyncio.Event()

    async def deliver() -> None:
        """Push new lines (the assistant's, a consultant's from any process) to the visitor."""
        loop = asyncio.get_running_loop()
        last_touch = loop.time()
        while not closing.is_set():
            lines, _known = await asyncio.to_thread(service.lines_after, runtime, token, position["after"])
            sent = []
            try:
                for line in lines:
                    await send({"type": "line", "line": line})
                    sent.append(line)
                    position["after"] = max(position["after"], line["id"])
            except (WebSocketDisconnect, RuntimeError, OSError):
                return  # the visitor left; what was not sent stays pending (and is mailed later)
            finally:
                await asyncio.to_thread(service.mark_delivered, runtime, sent)
            if loop.time() - last_touch > PRESENCE_TOUCH_SECONDS:
                await asyncio.to_thread(service.touch, runtime, token)
                last_touch = loop.time()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), SOCKET_IDLE_SECONDS)
            wake.clear()

    delivery = asyncio.create_task(deliver())
    frame_limit = settings.chat_max_message_chars * 4 + 1024
    try:
        while True:
            raw = await websocket.receive_text()
            if len(raw) > frame_limit:
                await send({"type": "error", "code": "too_long", "message": "Die Nachricht ist zu lang."})
                continue
            try:
                frame = json.loads(raw)
                kind = frame.get("type")
            except (ValueError, AttributeError):
                await send({"type": "error", "code": "bad_request", "message": "Unlesbare Nachricht."})
                continue
            if kind == "ping":
                await send({"type": "pong"})
                continue
            if kind != "message":
                await send({"type": "error", "code": "bad_request", "message": "Unbekannter Nachrichtentyp."})
                continue
            client_id = str(frame.get("id") or "")
            retry = _limiter(websocket, "message").hit(_client(websocket))
            if retry:
                await send(
                    {
                        "type": "error",
                        "code": "rate_limited",
                        "id": client_id,
                        "retry_after": round(retry, 1),
                        "message": _rate_limited_message(retry),
                    }
                )
                continue
            try:
                stored = await asyncio.to_thread(
                    service.accept_message,
                    runtime,
                    token,
                    client_id=client_id,
                    text=str(frame.get("text") or ""),
                    peer=_client(websocket),
                )
            except ChatInputError as error:
                await send({"type": "error", "code": error.code, "id": client_id, "message": str(error)})
                continue
            await send({"type": "ack", "id": client_id})
            wake.set()
            await asyncio.to_thread(service.reply_to, runtime, token, stored)
            wake.set()
    except WebSocketDisconnect:
        pass
    finally:
        wakers.discard(wake)
        # Let the delivery loop finish its round (so lines it sent are marked delivered), then stop it.
        closing.set()
        wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(delivery), 2)
        except TimeoutError:
            delivery.cancel()
        except asyncio.CancelledError:  # the server is shutting down
            delivery.cancel()
            raise


# ---------------------------------------------------------------- consultant API


class ConsultantAnswer(BaseModel):
    text: str = ""


@router.get("/chat/api/consultations/{consultation_id}")
async def consultation_chat(request: Request, consultation_id: DbId, user: ApiUser, after: LineId = 0):
    """The chat of a consultation: visitor, whether they are still in the chat, and lines after ``after``."""
    try:
        return await asyncio.to_thread(service.consultation_chat, get_runtime(request), consultation_id, after=after)
    except service.NotAChat as error:
        return _error(404, "not_a_chat", str(error))


@router.post("/chat/api/consultations/{consultation_id}/answers", status_code=201)
async def answer(request: Request, consultation_id: DbId, body: ConsultantAnswer, user: ApiUser):
    """Answer in the chat: live when the visitor is present, else by e-mail (recorded for threading)."""
    try:
        line = await asyncio.to_thread(
            service.answer_chat, get_runtime(request), consultation_id, body.text, author=user
        )
    except service.NotAChat as error:
        return _error(404, "not_a_chat", str(error))
    except ChatInputError as error:
        return _error(INPUT_ERROR_STATUS.get(error.code, 400), error.code, str(error))
    for wake in list(_wakers(request)):
        wake.set()
    return {"line": line}
