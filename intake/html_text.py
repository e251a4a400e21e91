"""HTML to readable text with inscriptis (keeps paragraphs, lists and table layout)."""

from __future__ import annotations

from inscriptis import get_text


def html_to_text(html: str) -> str:
    """Readable text of an HTML body; empty for empty or unparseable input."""
    if not html or not html.strip():
        return ""
    try:
        return get_text(html).strip()
    except Exception:  # lxml refuses some broken documents; fall back to no text, not a crash
        return ""
