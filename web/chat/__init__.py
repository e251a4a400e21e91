"""The chat channel's web side: the visitor's widget (page, WebSocket, HTTP fallback) and the
consultant's live answers. ``router`` is included by the web app factory."""

from web.chat.routes import router

__all__ = ["router"]
