"""HTML to readable text with inscriptis (keeps paragraphs, lists and table layout)."""

from __future__ import annotations

import re

from inscriptis import get_text

# Text after a closing </body> or </html> (a second document glued on, a footer a gateway
# appended) is dropped by lxml; without the closing tags it is kept.
_CLOSING_DOCUMENT_TAGS = re.compile(r"</\s*(?:body|html)\s*>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body; empty for empty or unparseable input."""
    if not html or not html.strip():
        return ""
    try:
        return get_text(_CLOSING_DOCUMENT_TAGS.sub(" ", html)).strip()
    except Exception:  # lxml refuses some broken documents; fall back to no text, not a crash
        return ""
