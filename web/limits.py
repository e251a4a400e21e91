"""Request body limits, enforced while the body streams in — before anything holds it.

Starlette's ``RequestBodyLimitResponder`` counts the bytes of the ``http.request`` messages
and refuses a declared ``Content-Length`` above the limit at the first read; the request then
ends with 413 and uvicorn drops the rest of the upload unread (its buffer stays at 64 KiB).
The limit depends on the path: small for the chat, larger for a consultant's answer (with
attachments), the default for every other form and JSON request."""

from __future__ import annotations

import re
from collections.abc import Sequence

from starlette.middleware.body_limit import RequestBodyLimitResponder

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
        await RequestBodyLimitResponder(self.app, self.limit_for(scope["path"]))(scope, receive, send)


def body_limits(app, settings) -> BodyLimitMiddleware:
    """The middleware with the limits of ``settings`` (``EINGANG_WEB_MAX_*_BYTES``)."""
    rules = ((ANSWER_PATHS, settings.web_max_answer_body_bytes), (CHAT_PATHS, settings.web_max_chat_body_bytes))
    return BodyLimitMiddleware(app, default=settings.web_max_body_bytes, rules=rules)
