"""Error bodies of the APIs and their OpenAPI description.

``/api/…`` answers ``{"detail": …}`` (FastAPI's shape); the chat's API (``/chat/api/…``)
answers ``{"error": code, "message": German text}`` like its own errors, also for a wrong
method, a missing token, an invalid body or one that is too large."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, Field

TOO_LARGE = "Die Anfrage ist zu groß."
INVALID_CHAT_REQUEST = "Die Anfrage ist ungültig."
CHAT_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
}
_STANDARD_PHRASES = {status.phrase for status in HTTPStatus} | {"Content Too Large"}
CHAT_MESSAGES = {
    401: "Anmeldung erforderlich.",
    404: "Nicht gefunden.",
    405: "Diese Methode ist hier nicht erlaubt.",
    413: TOO_LARGE,
}


def chat_error_code(status: int) -> str:
    return CHAT_CODES.get(status, "error")


def chat_message(status: int, detail: Any) -> str:
    """German text for the visitor: the route's own text, or one for Starlette's English defaults."""
    if isinstance(detail, str) and detail and detail not in _STANDARD_PHRASES:
        return detail
    return CHAT_MESSAGES.get(status, "Die Anfrage ist fehlgeschlagen.")


class ApiError(BaseModel):
    detail: Any = Field(description="What went wrong (German text; for 422 the list of invalid fields)")


class ChatError(BaseModel):
    error: str = Field(description="Machine-readable code, e.g. rate_limited, session_unknown, too_large")
    message: str = Field(description="German text for the visitor")


def _responses(model: type[BaseModel], statuses: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": model, "description": text} for status, text in statuses.items()}


API_ERROR_RESPONSES = _responses(
    ApiError,
    {
        400: "Ungültige Anfrage",
        401: "Nicht angemeldet (Bearer-Token oder Sitzung fehlt oder ist ungültig)",
        403: "Keine Berechtigung oder CSRF-Prüfung fehlgeschlagen",
        404: "Nicht gefunden",
        409: "Nicht möglich im aktuellen Zustand",
        413: "Anfrage zu groß",
        422: "Ungültige Eingabe",
    },
)
CHAT_ERROR_RESPONSES = _responses(
    ChatError,
    {
        400: "Ungültige Eingabe",
        401: "Nicht angemeldet (nur die Schnittstelle für Beratende)",
        404: "Chat oder Beratungsfall unbekannt",
        413: "Anfrage oder Nachricht zu groß",
        422: "Ungültige Anfrage",
        429: "Zu viele Anfragen",
    },
)


INVALID_DATA = "Die Eingabe enthält unzulässige Zeichen oder Werte."
