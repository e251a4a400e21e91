"""Threading keys of a message: which earlier messages and which consultation reference it
names (RFC 5322 In-Reply-To/References, and ``[KV-2026-00042]`` in the subject, also after
AW:/WG:/Re:/Fwd:)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.parsed import ParsedMail

REFERENCE_PATTERN = re.compile(r"\b([A-Z]{2,5})-(\d{4})-(\d{5})\b")
_REPLY_PREFIX = re.compile(r"^\s*((re|aw|wg|fw|fwd|antw|sv|vs)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)


@dataclass(frozen=True)
class ThreadKeys:
    message_ids: tuple[str, ...]
    references: tuple[str, ...]
    is_reply: bool


def normalise_subject(subject: str) -> str:
    """Subject without reply/forward prefixes, for comparing subjects."""
    return _REPLY_PREFIX.sub("", subject or "").strip()


def thread_keys(parsed: ParsedMail, reference_prefix: str = "KV") -> ThreadKeys:
    ids = [*(parsed.references or ()), *([parsed.in_reply_to] if parsed.in_reply_to else [])]
    refs = tuple(
        f"{prefix}-{year}-{number}"
        for prefix, year, number in REFERENCE_PATTERN.findall(parsed.subject or "")
        if prefix == reference_prefix
    )
    return ThreadKeys(
        message_ids=tuple(dict.fromkeys(ids)),
        references=tuple(dict.fromkeys(refs)),
        is_reply=bool(ids) or bool(_REPLY_PREFIX.match(parsed.subject or "")),
    )
