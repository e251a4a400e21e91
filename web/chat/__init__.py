"""The chat channel's web side: the visitor's widget (page, WebSocket, HTTP fallback) and the
from web.chat.routes import router
consultant's live answers. ``router`` is included by the web app factory."""

__all__ = ["router"]
