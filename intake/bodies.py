"""Separating what the sender wrote now from quoted history and signature (German and
English mail clients). Pure text in, three strings out."""

from __future__ import annotations

import re

_QUOTE_HEADERS = [
    re.compile(r"^\s*Am .{4,120}(schrieb|wrote)[^\n]*:\s*$", re.IGNORECASE),
    re.compile(r"^\s*On .{4,160}wrote:\s*$", re.IGNORECASE),
    re.compile(
        r"^\s*-{2,}\s*(Ursprüngliche Nachricht|Original Message|Weitergeleitete Nachricht|Forwarded message)\s*-{2,}",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*(Von|From):\s.+$", re.IGNORECASE),
]
_SIGNATURE_START = [
    re.compile(r"^-- ?$"),
    re.compile(r"^(mit )?(freundlichen|besten|herzlichen|viele) grüßen?\b", re.IGNORECASE),
    re.compile(r"^(mfg|vg|lg|gruß|grüße|beste grüße|kind regards|best regards|regards)[,.!]?\s*$", re.IGNORECASE),
]


def split_body(text: str) -> tuple[str, str, str]:
    """Return (new text, quoted history, signature)."""
    lines = text.replace("\r\n", "\n").split("\n")
    quote_start = len(lines)
    for index, line in enumerate(lines):
        if line.startswith(">") or any(p.match(line) for p in _QUOTE_HEADERS):
            quote_start = index
            break
    own, quoted = lines[:quote_start], lines[quote_start:]
    signature_start = len(own)
    for index, line in enumerate(own):
        if any(p.match(line.strip()) for p in _SIGNATURE_START):
            signature_start = index
            break
    new_text = "\n".join(own[:signature_start]).strip()
    signature = "\n".join(own[signature_start:]).strip()
    return new_text, "\n".join(quoted).strip(), signature
