"""Separating what the sender wrote now from the quoted history and the signature, for German
and English mail clients. Pure text in, three strings out; all three are kept.

The reply/quote split is done by ``mail-parser-reply`` (German and English rules: "Am … schrieb
…:", "On … wrote:", Outlook "Von:/Gesendet:/An:/Betreff:" blocks, ``>`` quotes). Checked on
German Outlook, Thunderbird, Gmail and GMX replies (tests/test_parsing_bodies.py); what it misses
is added here: separator lines it leaves in the new text ("-----Ursprüngliche Nachricht-----",
Outlook's underscore rule), closing formulas it does not know ("Freundliche Grüße",
"Mit freundlichem Gruß", "i. A."), and signatures without a closing formula that are recognisable
by their contact block (street, PLZ Ort, phone) — the linker reads that block."""

from __future__ import annotations

import re

from mailparser_reply import EmailReplyParser

from intake.forwarding import FORWARD_MARKER, ORIGINAL_MARKER

_REPLY_PARSER = EmailReplyParser(languages=["de", "en"])
_SEPARATOR_LINE = re.compile(r"^\s*(?:_{5,}|-{5,}|={5,})\s*$")
_CLOSING = re.compile(
    r"^\s*(?:-- ?$|"
    r"(?:mit )?(?:den )?(?:freundliche[nm]?|beste[nm]?|herzliche[nm]?|viele[nm]?|liebe[nm]?|sonnige[nm]?|"
    r"kollegiale[nm]?|schöne[nm]?)\s+gr(?:ü|ue)(?:ß|ss)(?:e|en)?\b|"
    r"mit (?:freundlichem|bestem|herzlichem|kollegialem) gru(?:ß|ss)\b|"
    r"(?:freundliche|beste|viele|liebe) grüße\b|"
    r"(?:viele |liebe |beste |herzliche |sonnige )?gr(?:ü|ue)(?:ß|ss)e aus\b|"
    r"(?:mfg|vg|lg|gruß|grüße|gruss|grüsse|gruesse|danke und gru(?:ß|ss))[,.!]?\s*$|"
    r"(?:kind|best|warm|many thanks and)? ?regards\b|sincerely\b|yours (?:sincerely|faithfully|truly)\b|"
    r"cheers[,!]?\s*$|"
    r"(?:von meinem|gesendet von meinem|sent from my) (?:iphone|ipad|smartphone|android|mobil|samsung|huawei)"
    r")",
    re.IGNORECASE,
)
# Lines that make a block at the end a signature although no closing formula precedes it.
_CONTACT_LINE = re.compile(
    r"\b(?:tel|telefon|fon|phone|fax|telefax|mobil|handy|mobile)\b\.?:?\s*[+(\d]|"  # phone numbers
    r"\be-?mail\b\.?:?\s*\S+@|"
    r"(?:^|[\s,])\d{5}\s+[A-ZÄÖÜ]|"  # PLZ Ort
    r"(?:stra(?:ß|ss)e|str\.|weg|platz|gasse|allee|ring|markt)\s*\d+\s*[a-z]?\b|"
    r"https?://|\bwww\.",
    re.IGNORECASE,
)
# A signature with a closing formula may carry a long company footer; without one, only the
# paragraphs from a contact block to the end are taken.
_MAX_SIGNATURE_LINES = 60
_MAX_CONTACT_SIGNATURE_LINES = 40
_MAX_CLOSING_LENGTH = 60  # "Mit freundlichen Grüßen möchten wir Ihnen mitteilen, …" is text, not a closing


def _strip_trailing_separators(new_lines: list[str]) -> tuple[list[str], list[str]]:
    """Move separator lines the reply parser left at the end of the new text to the quote."""
    moved: list[str] = []
    while new_lines and (
        not new_lines[-1].strip()
        or _SEPARATOR_LINE.match(new_lines[-1])
        or ORIGINAL_MARKER.match(new_lines[-1])
        or FORWARD_MARKER.match(new_lines[-1])
    ):
        moved.insert(0, new_lines.pop())
    return new_lines, moved


def _signature_start(lines: list[str]) -> int | None:
    """Index of the first signature line in ``lines`` (the own text, quote removed)."""
    candidates = [
        i for i, line in enumerate(lines) if _CLOSING.match(line) and len(line.strip()) <= _MAX_CLOSING_LENGTH
    ]
    for index in candidates:
        wrote_before = any(line.strip() for line in lines[:index])
        if wrote_before and len(lines) - index <= _MAX_SIGNATURE_LINES:
            return index
    # No closing formula: the first paragraph with contact data (phone, PLZ Ort, street, e-mail)
    # from which on the rest is short enough to be a signature block.
    for start in _paragraph_starts(lines):
        paragraph = lines[start : next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))]
        wrote_before = any(line.strip() for line in lines[:start])
        contact = sum(1 for line in paragraph if _CONTACT_LINE.search(line))
        if wrote_before and contact >= 2 and len(lines) - start <= _MAX_CONTACT_SIGNATURE_LINES:
            return start
    return None


def _paragraph_starts(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())]


def split_body(text: str) -> tuple[str, str, str]:
    """Return (new text, quoted history, signature) of a plain-text body."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return "", "", ""
    try:
        replies = _REPLY_PARSER.read(text).replies
    except Exception:  # the library's regexes on pathological input: keep everything as new text
        replies = []
    if replies:
        own_lines = replies[0].content.split("\n")
        quoted_parts = [reply.content for reply in replies[1:]]
    else:
        own_lines, quoted_parts = text.split("\n"), []
    own_lines, moved = _strip_trailing_separators(own_lines)
    quoted = "\n".join([*moved, *quoted_parts]).strip() if quoted_parts else ""
    if not quoted_parts and moved:
        own_lines += moved  # a separator with nothing after it is not a quote
    signature_index = _signature_start(own_lines)
    if signature_index is None:
        return "\n".join(own_lines).strip(), quoted, ""
    new_text = "\n".join(own_lines[:signature_index]).strip()
    signature = "\n".join(own_lines[signature_index:]).strip()
    return new_text, quoted, signature
