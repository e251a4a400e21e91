"""``Content-Disposition`` for downloads (RFC 6266, with RFC 8187 ``filename*``).

A file name comes from a stranger's mail and may hold anything: control characters (CR/LF
would break the header — the download failed), quotes, backslashes, slashes, non-ASCII. The
header carries an ASCII fallback without any of those and the full name percent-encoded as
UTF-8 in ``filename*``, which every current browser prefers."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

_UNSAFE_IN_NAME = '"\\/;%*?<>|:'


def clean_filename(name: str, fallback: str) -> str:
    """The name without control or format characters and path separators (never empty)."""
    kept = "".join(
        " " if char in "\t\r\n" or unicodedata.category(char) in ("Zl", "Zp", "Zs") else char
        for char in name
        if unicodedata.category(char) not in ("Cc", "Cf") or char in "\t\r\n"
    )
    kept = kept.replace("/", "_").replace("\\", "_")
    kept = " ".join(kept.split()).strip(". ")
    return kept[:200] or fallback


def attachment_disposition(name: str | None, fallback: str, *, inline: bool = False) -> str:
    """``attachment; filename="…"; filename*=UTF-8''…`` for ``name`` (``fallback`` if it is empty);
    ``inline; …`` for a preview."""
    full = clean_filename(name or "", fallback)
    ascii_name = (
        "".join(
            "_" if ord(char) > 126 or char in _UNSAFE_IN_NAME else char
            for char in unicodedata.normalize("NFKD", full)
            if not unicodedata.combining(char)
        ).strip()
        or fallback
    )
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(full, safe='')}"
