"""Request body limits, enforced while the body streams in — before anything holds it.

A declared ``Content-Length`` above the limit is answered 413 before the app runs; without one,
Starlette's ``RequestBodyLimitResponder`` counts the bytes of the ``http.request`` messages as
the app reads them and stops at the limit (the app's error handler answers 413). Either way
uvicorn drops the rest of the upload unread (its buffer stays at 64 KiB).
The limit depends on the path: small for the chat, larger for a consultant's answer (with
attachments), the default for every other form and JSON request."""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.middleware.body_limit import RequestBodyLimitResponder
from starlette.responses import JSONResponse, PlainTextResponse, Response

from web.errors import TOO_LARGE

# The answers of a consultant (page form and API); they may carry attachments.
ANSWER_PATHS = (re.compile(r"^/faelle/[^/]+/antwort$"), re.compile(r"^/api/consultations/[^/]+/answers$"))
CHAT_PATHS = (re.compile(r"^/chat/"),)


class BodyLimitMiddleware:
    """At most ``default`` bytes per request body, or the limit of the first matching rule."""

    def __init__(self, app, *, default: int, rules: Sequence[tuple[Sequence[re.Pattern], int]] = ()) -> None:
        self.app = app
        self.default = default
        self.rules = rules

    def limit_for(self, path: str) -> int:
        for patterns, limit in self.rules:
            if any(pattern.match(path) for pattern in patterns):
                return limit
        return self.default

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:  # refused at once, in the API's own error shape
            await too_large_response(scope["path"])(scope, receive, send)
            return
        await RequestBodyLimitResponder(self.app, limit)(scope, receive, send)


def too_large_response(path: str) -> Response:
    if path.startswith("/chat/api/"):
        return JSONResponse({"error": "too_large", "message": TOO_LARGE}, status_code=413)
    if path.startswith("/api/"):
        return JSONResponse({"detail": TOO_LARGE}, status_code=413)
    return PlainTextResponse(TOO_LARGE, status_code=413)


def body_limits(app, settings) -> BodyLimitMiddleware:
    """The middleware with the limits of ``settings`` (``EINGANG_WEB_MAX_*_BYTES``)."""
    rules = ((ANSWER_PATHS, settings.web_max_answer_body_bytes), (CHAT_PATHS, settings.web_max_chat_body_bytes))
    return BodyLimitMiddleware(app, default=settings.web_max_body_bytes, rules=rules)
