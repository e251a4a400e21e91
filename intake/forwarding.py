"""Forwarded mail written inline into the body: who originally wrote it, when, and what.

Recognises the separators of the clients municipalities use — Thunderbird ("-------- Weitergeleitete
Nachricht --------"), GMX/WEB.DE/T-Online ("-------- Original-Nachricht --------"), Gmail
("---------- Forwarded message ---------"), Apple Mail ("Begin forwarded message:" /
"Anfang der weitergeleiteten Nachricht:"), Outlook ("-----Ursprüngliche Nachricht-----" or a bare
"Von: … Gesendet: … An: … Betreff: …" block) — followed by a header block in German or English.
Also reads such header blocks for ``intake.bodies`` (an Outlook reply quotes the same way)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake.headers import parse_address_list, parse_date
from intake.parsed import Address

_DASHES = r"[ \t>]*(?:-{2,}|_{2,}|={2,})?[ \t]*"
# Separators that only a forward writes.
FORWARD_MARKER = re.compile(
    _DASHES + r"(?:weitergeleitete nachricht|forwarded message)" + _DASHES + r"$"
    r"|^[ \t>]*(?:begin forwarded message|anfang der weitergeleiteten nachricht)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
# Separators that Outlook, GMX and others write for replies and forwards alike.
ORIGINAL_MARKER = re.compile(
    _DASHES
    + r"(?:urspr\S{1,2}ngliche nachricht|original-nachricht|original message|original email message)"
    + _DASHES
    + r"$",
    re.IGNORECASE,
)

_MARKER_WORDS = ("nachricht", "forwarded", "original", "weitergeleitet")
_MAX_MARKER_LINE = 200

# Header names in forwarded/quoted header blocks (German Outlook, English, French for the odd gateway).
_FIELD_NAMES = {
    "from": ("von", "from", "de", "absender"),
    "date": ("gesendet", "datum", "date", "sent", "envoyé", "gesendet am"),
    "to": ("an", "to", "à", "empfänger"),
    "cc": ("cc", "kopie"),
    "subject": ("betreff", "subject", "objet"),
}
_FIELD_OF = {name: key for key, names in _FIELD_NAMES.items() for name in names}
_FIELD_LINE = re.compile(r"^[ \t>]*\*?([A-Za-zäöüÄÖÜéà][A-Za-zäöüÄÖÜéà -]{0,14}?)\*?[ \t]*:[ \t]*(.*)$")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:wg|fw|fwd|wtr|wtrlt|weiterleitung|tr)\s*:", re.IGNORECASE)

_GERMAN_MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "maerz": 3, "mrz": 3, "april": 4,
    "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12,
}  # fmt: skip
_GERMAN_TIME: tzinfo
try:  # a German quote header gives local time without zone
    _GERMAN_TIME = ZoneInfo("Europe/Berlin")
except ZoneInfoNotFoundError:  # a system without time zone data: standard time
    _GERMAN_TIME = timezone(timedelta(hours=1))
_GERMAN_DATE = re.compile(
    r"(\d{1,2})\.\s*(?:(\d{1,2})\.|([A-Za-zä]+)\.?)\s*(\d{4})(?:[^\d]{1,6}(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


@dataclass(frozen=True)
class ForwardedOriginal:
    sender: Address | None
    subject: str
    date: datetime | None
    text: str


def parse_loose_date(value: str) -> datetime | None:
    """Dates as clients print them in quote headers: RFC 5322, English ("Tuesday, 6 April 2021
    9:09 PM", "Mon, 23 Mar 2026 at 17:05"), or German ("Montag, 17. März 2026 10:15",
    "17.03.2026 um 10:15"). Without a zone: German local time."""
    english = re.sub(r"\s+(?:at|um)\s+", " ", value)
    parsed = parse_date(english)
    if parsed is not None:
        if parsed.tzinfo is not None and not re.search(r"[+-]\d{4}|\b(?:GMT|UTC|[A-Z]{3,4}T)\b", english):
            parsed = parsed.replace(tzinfo=_GERMAN_TIME)  # parse_date took a zone-less time for UTC
        meridiem = re.search(r"\d:\d{2}(?::\d{2})?\s*([AaPp])\.?[Mm]\b", english)
        if meridiem and meridiem.group(1) in "Pp" and parsed.hour < 12:
            parsed = parsed.replace(hour=parsed.hour + 12)
        elif meridiem and meridiem.group(1) in "Aa" and parsed.hour == 12:
            parsed = parsed.replace(hour=0)
        return parsed
    match = _GERMAN_DATE.search(value)
    if not match:
        return None
    day, month_number, month_name, year, hour, minute, second = match.groups()
    month = int(month_number) if month_number else _GERMAN_MONTHS.get((month_name or "").lower())
    if not month:
        return None
    try:
        return datetime(
            int(year), month, int(day), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=_GERMAN_TIME
        )
    except ValueError:
        return None


def read_header_block(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """Read ``Von: …``/``From: …`` style lines from ``start`` (blank lines before it skipped).
    Returns the fields found and the index of the first line after the block."""
    index = start
    while index < len(lines) and not lines[index].strip(" \t>"):
        index += 1
    fields: dict[str, str] = {}
    last: str | None = None
    while index < len(lines):
        line = lines[index]
        match = _FIELD_LINE.match(line)
        key = _FIELD_OF.get(match.group(1).strip().lower()) if match else None
        if match is not None and key is not None and key not in fields:
            fields[key] = match.group(2).strip()
            last = key
        elif last in ("to", "cc") and "@" in line and not match:
            fields[last] += " " + line.strip(" \t>")  # Outlook wraps long recipient lists
        else:
            break
        index += 1
    return fields, index


def is_header_block(fields: dict[str, str]) -> bool:
    """A real quote/forward header: a sender and at least a date or a subject."""
    return "from" in fields and ("date" in fields or "subject" in fields)


def sender_of(value: str) -> Address | None:
    """The address in a header-block ``Von:`` value, also Outlook's ``Name [mailto:a@b]``."""
    value = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", value)
    if "<" in value:
        parsed = parse_address_list(value.replace(",", " ") if value.count("<") == 1 else value)
    else:
        parsed = parse_address_list(value)
    with_address = [a for a in parsed if a.address]
    if with_address:
        return with_address[0]
    return parsed[0] if parsed else None


def _original(fields: dict[str, str], lines: list[str], body_start: int) -> ForwardedOriginal:
    return ForwardedOriginal(
        sender=sender_of(fields["from"]) if fields.get("from") else None,
        subject=" ".join(fields.get("subject", "").split()),
        date=parse_loose_date(fields["date"]) if fields.get("date") else None,
        text="\n".join(line.removeprefix("> ").removeprefix(">") for line in lines[body_start:]).strip(),
    )


def find_inline_forward(body_text: str, subject: str = "") -> ForwardedOriginal | None:
    """The original of a mail forwarded inline, or None when the body holds no forward.

    An unambiguous forward separator always counts. Outlook's and GMX's separators and bare
    ``Von:/Gesendet:`` blocks also start reply quotes, so they count only when the subject says
    forward (``WG:``, ``Fwd:``) or nothing was written above them."""
    if not body_text:
        return None
    lines = body_text.split("\n")
    forward_subject = bool(_FORWARD_SUBJECT.match(subject))
    lowered = body_text.lower()
    has_marker = any(word in lowered for word in _MARKER_WORDS)
    seen_text = False
    for index, line in enumerate(lines):
        stripped = line.strip(" \t>")
        if not stripped:
            continue
        if len(stripped) <= _MAX_MARKER_LINE:
            if has_marker and (
                FORWARD_MARKER.match(line) or (ORIGINAL_MARKER.match(line) and (forward_subject or not seen_text))
            ):
                fields, after = read_header_block(lines, index + 1)
                if "from" in fields:
                    return _original(fields, lines, after)
            elif (forward_subject or not seen_text) and _FIELD_LINE.match(line):
                fields, after = read_header_block(lines, index)
                if is_header_block(fields):
                    return _original(fields, lines, after)
        if not forward_subject and not has_marker:
            return None  # the first line starts no header block and nothing else can match
        seen_text = True
    return None
