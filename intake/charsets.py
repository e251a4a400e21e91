"""Turning bytes of unknown or wrongly declared charset into text, without ever losing them.

Order: the declared charset (with the aliases mail clients really use), unless the bytes are
valid UTF-8 although a single-byte charset was declared (the most common lie); then UTF-8; then
the other charsets the message itself mentions; then charset-normalizer's detection; finally
Windows-1252 / Latin-1, which decode any byte. ``errors="replace"`` is never the first resort."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

from charset_normalizer import from_bytes

# Labels seen in real mail that Python does not know, or knows as a too narrow charset.
_ALIASES = {
    "gb2312": "gb18030",  # senders declare gb2312 but use GBK/GB18030 characters
    "iso-gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "euc-kr": "cp949",
    "unicode-1-1-utf-7": "utf-7",
    "x-unicode-1-1-utf-7": "utf-7",
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "x-sjis": "cp932",
    "sjis": "cp932",
    "iso-8859-8-i": "iso-8859-8",
    "x-mac-roman": "mac-roman",
    "ansi_x3.4-1968": "ascii",
    "us-ascii": "ascii",
    "iso-8859-1": "cp1252",  # what Windows senders mean by it; a superset for printable text
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "windows-1252": "cp1252",
    "cp-1252": "cp1252",
    "utf8": "utf-8",
    "unknown-8bit": "",
    "x-unknown": "",
    "unknown": "",
    "default": "",
    "_iso-2022-jp$esc": "iso-2022-jp",
}

# For a charset that fails, the charsets of the same script that senders confuse with it.
_RELATIVES = {  # keyed by Python codec name
    # ISO-2022-JP as sent by Windows is CP50220: NEC and IBM extensions (circled digits …),
    # which only the JIS X 0213 variants decode; 8-bit bytes under this label are Shift_JIS.
    "iso2022_jp": ("iso2022_jp_2", "iso2022_jp_ext", "iso2022_jp_2004", "cp932", "euc_jp"),
    "euc_jp": ("cp932",),
    "cp932": ("euc_jp",),
    "gb18030": ("big5",),
    "big5": ("gb18030",),
}

_DETECTION_MIN_BYTES = 200
_SINGLE_BYTE_PREFIXES = ("iso8859", "cp125", "ascii", "latin", "mac", "koi8", "cp437", "cp850")


def normalise_charset(label: str | None) -> str | None:
    """The Python codec name for a charset label from a mail, or None when unknown/empty."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    if not label:
        return None
    if not label.isascii() or "\x00" in label:
        return None
    try:
        return codecs.lookup(label).name
    except (LookupError, ValueError):
        return None


def _is_single_byte(codec: str) -> bool:
    return codec.replace("-", "").replace("_", "").startswith(_SINGLE_BYTE_PREFIXES)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _has_utf8_sequences(data: bytes) -> bool:
    return any(byte >= 0x80 for byte in data)


def candidate_codecs(declared: str | None, hints: Iterable[str | None] = ()) -> list[str]:
    """Codecs to try, best first: declared, its relatives, UTF-8, then the hints (multi-byte first)."""
    order: list[str] = []
    first = normalise_charset(declared)
    for codec in (first, *(_RELATIVES.get(first or "", ())), "utf-8"):
        if codec and codec not in order:
            order.append(codec)
    hinted = [codec for codec in (normalise_charset(h) for h in hints) if codec]
    for codec in sorted(hinted, key=_is_single_byte):  # multi-byte codecs validate themselves
        for each in (codec, *_RELATIVES.get(codec, ())):
            if each not in order:
                order.append(each)
    return order


def decode_bytes(data: bytes, declared: str | None = None, hints: Iterable[str | None] = ()) -> str:
    """Decode ``data`` that claims to be in ``declared``; ``hints`` are other charsets the
    message mentions. Always returns text; only the very last resort replaces bytes."""
    if not data:
        return ""
    if data.isascii():
        codec = normalise_charset(declared)
        if codec is not None and (codec in ("utf-7", "hz") or codec.startswith("iso2022")):  # 7-bit with escapes
            for each in (codec, *(c for c in _RELATIVES.get(codec, ()) if c.startswith("iso2022"))):
                decoded = _strict(data, each)
                if decoded is not None:
                    return decoded
            if codec.startswith("iso2022_jp"):
                decoded = iso2022jp_as_cp932(data)
                if decoded is not None:
                    return decoded
        return data.decode("ascii")
    codecs_to_try = candidate_codecs(declared, hints)
    first = codecs_to_try[0]
    if _is_single_byte(first) and _has_utf8_sequences(data):
        # A single-byte declaration over bytes that are valid UTF-8 is almost always a lie.
        decoded = _strict(data, "utf-8")
        if decoded is not None:
            return decoded
    for codec in codecs_to_try:
        if _is_single_byte(codec) and codec != first:
            continue  # a single-byte hint decodes anything; only detection may choose one
        decoded = _strict(data, codec)
        if decoded is not None:
            return decoded
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    single_byte = [c for c in codecs_to_try if _is_single_byte(c)]
    if len(data) < _DETECTION_MIN_BYTES:
        # Too short for statistics (a header, a name): trust the charsets the message names,
        # else Windows-1252, what the senders here mean when they declare nothing.
        return _strict(data, single_byte[0] if single_byte else "cp1252") or data.decode("latin-1")
    detected = _detect(data)
    if detected is not None and not _is_single_byte(detected[0]):
        return detected[1]
    # Statistics cannot tell Western single-byte codepages apart reliably; the senders here
    # write German, so Windows-1252 wins over a guessed Baltic or Central European codepage.
    for codec in single_byte:
        decoded = _strict(data, codec)
        if decoded is not None:
            return decoded
    return _strict(data, "cp1252") or data.decode("latin-1")


def _western_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):  # registered for decoding only
        raise error
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", errors="ignore") or chunk.decode("latin-1"), error.end


codecs.register_error("eingang-western-fallback", _western_fallback)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _mixed_utf8(data: bytes) -> str | None:
    """Text that is mostly UTF-8 with some Windows-1252 bytes (two sources pasted together, a
    gateway that re-encoded a part): decoded piecewise rather than as mojibake."""
    utf8_bytes = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    high_bytes = sum(1 for byte in data if byte >= 0x80)
    if not utf8_bytes or utf8_bytes * 2 < high_bytes:
        return None
    return data.decode("utf-8", errors="eingang-western-fallback")


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best guess as (codec, text)."""
    best = from_bytes(data).best()
    return (best.encoding, str(best)) if best is not None else None


_JIS_SEGMENT = re.compile(rb"\x1b\$[@B](.*?)(?=\x1b\(|\Z)", re.DOTALL)


def iso2022jp_as_cp932(data: bytes) -> str | None:
    """Decode ISO-2022-JP as Windows sends it (CP50220, with the NEC row-13 symbols such as
    circled digits that Python's codecs refuse): each JIS X 0208 pair is mapped to its
    Shift_JIS bytes and decoded as CP932."""
    if not data.isascii():
        return None
    out = bytearray()
    position = 0
    for match in _JIS_SEGMENT.finditer(data):
        out += re.sub(rb"\x1b\([BJ]", b"", data[position : match.start()])
        pairs = match.group(1)
        for index in range(0, len(pairs) - 1, 2):
            row, cell = pairs[index], pairs[index + 1]
            if not (0x21 <= row <= 0x7E and 0x21 <= cell <= 0x7E):
                return None
            lead = (row + 1) // 2 + (0x70 if row <= 0x5E else 0xB0)
            trail = cell + (0x1F if row % 2 else 0x7E)
            if row % 2 and cell >= 0x60:
                trail += 1
            out += bytes([lead, trail])
        position = match.end()
    out += re.sub(rb"\x1b\([BJ]", b"", data[position:])
    return _strict(bytes(out), "cp932")
