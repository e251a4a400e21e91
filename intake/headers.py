"""Decoding header values as real mail has them (RFC 5322, RFC 2047 and what senders break).

The values come from ``email`` with the compat32 policy: raw 8-bit bytes are still there as
surrogate escapes, encoded-words are still encoded. Decoding here is lenient where senders are
sloppy: encoded-words inside quotes or split in the middle of a character, wrong padding,
charset labels Python does not know, undeclared 8-bit bytes (decoded with the charsets the
message itself names)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from intake.charsets import decode_bytes
from intake.parsed import Address

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?(.*?)\?=", re.DOTALL)
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_LINE_BREAK = re.compile(r"\r?\n")
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def unfold(value: str) -> str:
    return _LINE_BREAK.sub("", _FOLD.sub("", value))


def _raw_bytes(text: str) -> bytes:
    """The original bytes of a header text that may carry surrogate-escaped 8-bit bytes."""
    return text.encode("utf-8", "surrogateescape")


def _decode_plain(text: str, hints: Sequence[str]) -> str:
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text  # already proper text
    except UnicodeEncodeError:
        return decode_bytes(_raw_bytes(text), None, hints)


def _word_bytes(encoding: str, text: str) -> bytes:
    if encoding in "bB":
        cleaned = re.sub(r"[^A-Za-z0-9+/]", "", text.partition("=")[0])
        if len(cleaned) % 4 == 1:  # a dangling character carries no whole byte
            cleaned = cleaned[:-1]
        try:
            return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))
        except (binascii.Error, ValueError):
            return b""
    data = _raw_bytes(text.replace("_", " "))
    return re.sub(rb"=([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), data)


def decode_header_text(value: str | None, hints: Sequence[str] = ()) -> str:
    """Decode a header value (RFC 2047 words anywhere, raw 8-bit bytes), unfolded."""
    if not value:
        return ""
    value = unfold(str(value))
    if "=?" not in value:
        return _decode_plain(value, hints)
    pieces: list[str] = []
    pending: list[bytes] = []
    pending_charset = ""
    position = 0

    def flush() -> None:
        nonlocal pending
        if pending:
            pieces.append(decode_bytes(b"".join(pending), pending_charset, hints))
        pending = []

    for match in _ENCODED_WORD.finditer(value):
        gap = value[position : match.start()]
        if gap and not (position and gap.isspace()):  # space between two encoded-words is dropped
            flush()
            pieces.append(_decode_plain(gap, hints))
        charset = match.group(1).split("*", 1)[0]  # RFC 2231 language suffix
        if pending and charset.lower() != pending_charset.lower():
            flush()
        # Same-charset neighbours are joined as bytes: senders split multi-byte characters.
        pending_charset = charset
        pending.append(_word_bytes(match.group(2), match.group(3)))
        position = match.end()
    flush()
    pieces.append(_decode_plain(value[position:], hints))
    return "".join(pieces)


# --- addresses -------------------------------------------------------------------------------


def _split_items(value: str) -> list[str]:
    """Split an address list on top-level commas; quotes, comments, angle brackets and
    encoded-words protect their commas. Group syntax (``name: a, b;``) is flattened."""
    items: list[str] = []
    current: list[str] = []
    depth_comment = 0
    in_quote = in_angle = False
    index = 0
    while index < len(value):
        char = value[index]
        if char == "=" and value.startswith("=?", index) and not in_quote and not depth_comment:
            word = _ENCODED_WORD.match(value, index)
            if word:
                current.append(word.group(0))
                index = word.end()
                continue
        if char == "\\" and (in_quote or depth_comment) and index + 1 < len(value):
            current.append(value[index : index + 2])
            index += 2
            continue
        if in_quote:
            in_quote = char != '"'
        elif depth_comment:
            depth_comment += {"(": 1, ")": -1}.get(char, 0)
        elif char == '"':
            in_quote = True
        elif char == "(":
            depth_comment = 1
        elif char == "<":
            in_angle = True
        elif char == ">":
            in_angle = False
        elif char in ",;" and not in_angle:
            items.append("".join(current))
            current = []
            index += 1
            continue
        elif char == ":" and not in_angle and "@" not in "".join(current) and "<" not in "".join(current):
            current = []  # group name: "Undisclosed recipients:"
            index += 1
            continue
        current.append(char)
        index += 1
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


_COMMENT = re.compile(r"\((?:[^()\\]|\\.)*\)")


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return re.sub(r"\\(.)", r"\1", text).strip()


_LOCAL_PART_WORD = re.compile(r"^(=\?[^?\s]+\?[bBqQ]\?.*?\?=)(@.*)$")


def _address_text(address: str, hints: Sequence[str]) -> str:
    """The addr-spec as text. An encoded-word as local part is not allowed (RFC 2047 section 5)
    but some senders write one; it is decoded only when the result cannot smuggle in another
    address (no ``@``, brackets, commas or spaces)."""
    address = _decode_plain(address.strip().strip("<>").strip(), hints)
    match = _LOCAL_PART_WORD.match(address)
    if match:
        local = decode_header_text(match.group(1), hints)
        if not re.search(r"[@<>,;\s]", local):
            address = local + match.group(2)
    return address


def _parse_item(item: str, hints: Sequence[str], allow_local: bool) -> Address:
    comments = [c[1:-1].strip() for c in _COMMENT.findall(item)]
    if "<" in item:
        name_part, _, rest = item.rpartition("<") if item.count("<") > 1 else item.partition("<")
        address = rest.split(">", 1)[0]
        name = name_part.strip()
        if not name.startswith('"'):  # a comment is no part of the display name (RFC 5322 3.4)
            name = _COMMENT.sub(" ", name).strip()
        name = name or (comments[0] if comments else "")
    else:
        bare = _COMMENT.sub(" ", item).strip().rstrip(">")
        if "@" not in bare and any("@" in c for c in comments):
            address, name = next(c for c in comments if "@" in c), bare
        elif '"' in bare and bare.startswith('"') and bare.endswith('"'):
            address, name = _unquote(bare), ""  # a quoted string alone: the sender put the address in quotes
        else:
            words = bare.split()
            at_words = [w for w in words if "@" in w]
            if len(words) > 1 and len(at_words) == 1 and not bare.startswith('"'):
                address = at_words[0]
                name = " ".join(w for w in words if w is not at_words[0])
            else:
                address, name = bare, ""
            name = name or (comments[0] if comments else "")
    address = _address_text(address, hints)
    if "@" not in address and not (allow_local and re.fullmatch(r"[\w.+-]+", address)):
        address, name = "", name or address  # a display name or a bare local name ("Recipients")
    name = decode_header_text(_unquote(name), hints)
    return Address(address.strip().lower(), " ".join(_unquote(name).split()))


def parse_address_list(
    value: str | None, hints: Sequence[str] = (), *, allow_local: bool = False
) -> tuple[Address, ...]:
    """Addresses of an address-list header; never raises. Entries without an addr-spec keep
    their name with an empty address. ``allow_local`` keeps a bare local name such as
    ``MAILER-DAEMON`` as the address (for From and Sender)."""
    if not value:
        return ()
    result = []
    for item in _split_items(unfold(str(value))):
        address = _parse_item(item, hints, allow_local)
        if address.address or address.name:
            result.append(address)
    return tuple(result)


# --- dates and identifiers -------------------------------------------------------------------

_DATE_IN_TEXT = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s*)?\d{1,2}\s+[A-Za-z]{3}[a-z]*\s+\d{2,4}\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[A-Z]{1,5}))?"
)


# Zone names RFC 5322 does not define but German and other senders write.
_ZONE_NAMES = re.compile(r"\b(MESZ|MEZ|CEST|CET|EEST|EET|BST|WEST|WET)\b")
_ZONE_OFFSETS = {
    "MESZ": "+0200", "CEST": "+0200", "MEZ": "+0100", "CET": "+0100", "EEST": "+0300", "EET": "+0200",
    "BST": "+0100", "WEST": "+0100", "WET": "+0000",
}  # fmt: skip


def parse_date(value: str | None) -> datetime | None:
    """An aware datetime from a Date header (or text containing a date), else None."""
    if not value:
        return None
    value = _ZONE_NAMES.sub(lambda m: _ZONE_OFFSETS[m.group(1)], unfold(value))
    # The date found inside the value first: a header glued to the next one ("+0200Received: …")
    # would otherwise be read with a wrong zone.
    for candidate in (*(m.group(0) for m in _DATE_IN_TEXT.finditer(value)), value):
        try:
            parsed = parsedate_to_datetime(candidate.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        if 1970 <= parsed.year <= 2200:
            return parsed
    return None


def message_ids(value: str | None) -> tuple[str, ...]:
    return tuple(m[:998] for m in _MESSAGE_ID.findall(unfold(value or "")))
