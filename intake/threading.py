"""Threading keys of a message: which earlier messages and which consultation reference it
names (RFC 5322 In-Reply-To/References, and ``[KV-2026-00042]`` in the subject, also after
AW:/WG:/Re:/Fwd:), and whether a reply only says thank you (which does not reopen a closed
consultation). Pure: no database."""

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


_THANKS = re.compile(
    r"\b(danke|dankesch[öo]n|vielen dank|besten dank|herzlichen dank|dank f[üu]r|thanks|thank you)\b", re.IGNORECASE
)
_ASKS = re.compile(
    r"\b(frage|fragen|rückfrage|bitte|bitten|könnten|können|würden|benötige|benötigen|brauchen|anliegen|problem"
    r"|question|could|please|need)\b",
    re.IGNORECASE,
)
THANKS_MAX_WORDS = 40


def is_only_thanks(new_text: str) -> bool:
    """True for a short reply that only thanks (``Vielen Dank, das hilft uns.``): no question
    mark, no request words. Everything else counts as something new to look at; an empty new
    text too (it may be a document without words), so a closed consultation is reopened
    whenever in doubt."""
    text = (new_text or "").strip()
    if not text or "?" in text or len(text.split()) > THANKS_MAX_WORDS:
        return False
    return bool(_THANKS.search(text)) and not _ASKS.search(text)
