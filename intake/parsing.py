"""MIME parsing: ``parse(raw bytes) -> ParsedMail``. Pure — no I/O, no database.

RFC 5322 / 2045-2049 via Python's ``email`` package with the compat32 policy: it keeps header
values as the sender wrote them (raw 8-bit bytes as surrogate escapes), so ``intake.headers``
decodes them leniently (RFC 2047, RFC 2231, undeclared charsets) instead of the strict modern
header registry, and it is the faster of the two. The raw bytes are never decoded before parsing.

What comes out: decoded headers, the readable body (text/plain preferred, else HTML as text),
attachments with their SHA-256, forwarded originals (message/rfc822 parts and inline forwards),
the body split into new text / quoted history / signature, and whether the mail is automatic."""

from __future__ import annotations

import binascii
import email
import hashlib
import re
from dataclasses import dataclass, field
from email.generator import BytesGenerator
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from io import BytesIO

from intake.automatic import detect_automatic
from intake.bodies import split_body
from intake.charsets import decode_bytes
from intake.forwarding import ForwardedOriginal, find_inline_forward
from intake.headers import decode_header_text, message_ids, parse_address_list, parse_date, unfold
from intake.html_text import html_to_text
from intake.parsed import Address, ParsedAttachment, ParsedMail

__all__ = ["content_hash", "decode_part", "html_to_text", "parse", "read_headers"]

_HEADER_READ_LIMIT = 65536
_HEADER_NAME_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")
_CONTAINER_TYPES = ("message/rfc822", "message/global")
_STRUCTURED_ATTACHMENTS = ("message/delivery-status", "message/disposition-notification", "text/rfc822-headers")


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def generated_message_id(digest: str) -> str:
    """The stable Message-ID of a mail without one (models.store uses the same form)."""
    return f"<{digest}@eingang.generated>"


# --- repairing what the email package cannot read ----------------------------------------------


def _repair_header_block(raw: bytes) -> bytes | None:
    """Fix a header block that lost its folding or starts with junk (e.g. a line
    ``---- Original email message ----`` before the headers). None when nothing to repair."""
    match = re.search(rb"\r?\n\r?\n", raw)
    end = match.start() if match else len(raw)
    lines = raw[:end].splitlines(keepends=True)
    if lines and lines[0].startswith(b"From "):
        unix_from, lines = [lines[0]], lines[1:]
    else:
        unix_from = []
    first_header = next((i for i, line in enumerate(lines) if _HEADER_NAME_LINE.match(line)), None)
    if first_header is None:
        return None
    repaired = []
    changed = first_header > 0
    for line in lines[first_header:]:
        if _HEADER_NAME_LINE.match(line) or line[:1] in (b" ", b"\t"):
            repaired.append(line)
        else:  # a folded line that lost its leading whitespace
            repaired.append(b" " + line)
            changed = True
    if not changed:
        return None
    return b"".join(unix_from + repaired) + raw[end:]


def _read_message(raw: bytes, *, headers_only: bool = False) -> Message:
    def read(data: bytes) -> Message:
        if headers_only:
            return BytesHeaderParser(policy=compat32).parsebytes(data, headersonly=True)
        return email.message_from_bytes(data, policy=compat32)

    msg = read(raw)
    needs_repair = not msg.keys() or any(type(d).__name__ == "MissingHeaderBodySeparatorDefect" for d in msg.defects)
    if needs_repair:
        repaired = _repair_header_block(raw)
        if repaired is not None:
            fixed = read(repaired)
            if len(fixed.keys()) > len(msg.keys()):
                return fixed
    return msg


def read_headers(raw: bytes) -> Message:
    """The header fields of ``raw`` as ``parse`` reads them, without the body: lines a gateway
    put before the fields (``---- Original email message ----``) are skipped and folded lines
    that lost their indentation are rejoined, as Zammad's parser (the Ruby ``mail`` gem, which
    ignores header lines without a valid field name) recovers them. Every reader of raw
    headers (the intake check, acknowledgements, the message list) uses this."""
    match = re.search(rb"\r?\n\r?\n", raw[:_HEADER_READ_LIMIT])
    block = raw[: match.end()] if match else raw[:_HEADER_READ_LIMIT]
    return _read_message(block, headers_only=True)


# --- parts ------------------------------------------------------------------------------------


def header(msg: Message, name: str) -> str | None:
    """All values of header ``name`` joined, raw: 8-bit bytes as surrogate escapes (compat32's
    ``get`` would turn them into replacement characters)."""
    wanted = name.lower()
    values = [str(value) for key, value in msg.raw_items() if key.lower() == wanted]
    if not values:
        return None
    return values[0] if len(values) == 1 else ", ".join(values)


def _first_header(msg: Message, name: str) -> str | None:
    wanted = name.lower()
    return next((str(value) for key, value in msg.raw_items() if key.lower() == wanted), None)


def _charset_hints(msg: Message) -> list[str]:
    """Charsets the message names anywhere: used for undeclared 8-bit header bytes."""
    hints: list[str] = []
    for part in msg.walk():
        charset = part.get_param("charset")
        if isinstance(charset, str) and charset.lower() not in hints:
            hints.append(charset.lower())
    for _key, value in msg.raw_items():
        for label in re.findall(r"=\?([^?\s*]+)", str(value)):
            if label.lower() not in hints:
                hints.append(label.lower())
    return hints


_UUENCODE = ("x-uuencode", "uuencode", "uue", "x-uue")


def _uudecode_lines(text: str) -> bytes | None:
    """uuencoded data without the ``begin`` line that Python's decoder insists on."""
    out = bytearray()
    for line in text.splitlines():
        if not line.strip() or line.startswith(("begin ", "end")) or line.strip() == "`":
            continue
        try:
            out += binascii.a2b_uu(line.encode("ascii", "surrogateescape"))
        except (binascii.Error, UnicodeEncodeError):
            return None
    return bytes(out)


def _lenient_base64(text: str) -> bytes:
    """Base64 as senders break it: stray characters, missing padding, a dangling last char."""
    data = re.sub(rb"[^A-Za-z0-9+/]", b"", text.partition("=")[0].encode("ascii", "ignore"))
    if len(data) % 4 == 1:
        data = data[:-1]
    return binascii.a2b_base64(data + b"=" * (-len(data) % 4))


def _payload_bytes(part: Message) -> bytes:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    try:
        raw = part.get_payload()
    except (TypeError, ValueError, LookupError):  # compat32 re-decodes 8-bit text with the charset label
        raw = None
    if encoding == "base64" and isinstance(raw, str):
        try:
            return binascii.a2b_base64(raw.encode("ascii"), strict_mode=False)
        except (binascii.Error, UnicodeEncodeError):
            return _lenient_base64(raw)
    if encoding in _UUENCODE and isinstance(raw, str) and "begin " not in raw[:1000]:
        decoded = _uudecode_lines(raw)
        if decoded is not None:
            return decoded
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # broken transfer encoding: keep the undecoded bytes
        payload = None
    if not isinstance(payload, bytes):  # None: nothing decodable (get_payload(decode=True) gives bytes or None)
        if isinstance(raw, str):
            return raw.encode("utf-8", "surrogateescape")
        return _body_bytes(part)
    return payload


class _FaithfulGenerator(BytesGenerator):
    """Serialises headers as they were read: compat32 keeps the raw values; only an empty
    value would otherwise gain a trailing space."""

    # _NL and _fp are BytesGenerator's own (undocumented) attributes, which typeshed omits.
    def _write_headers(self, msg: Message) -> None:
        policy = self.policy
        assert policy is not None  # flatten() sets it before writing headers
        newline = self._NL  # type: ignore[attr-defined]  # BytesGenerator internals, see above
        for name, value in msg.raw_items():
            if str(value) == "":
                self.write(f"{name}:{newline}")
            else:
                self._fp.write(policy.fold_binary(name, value))  # type: ignore[attr-defined]  # see above
        self.write(newline)


def _body_bytes(part: Message) -> bytes:
    """The serialised body of a part (a whole embedded message, a delivery-status block)."""
    buffer = BytesIO()
    try:
        _FaithfulGenerator(buffer, mangle_from_=False, maxheaderlen=0).flatten(part, linesep="\n")
    except Exception:  # a header the generator refuses to write: keep what the parser stored
        payload = part.get_payload()
        if isinstance(payload, str):
            return payload.encode("utf-8", "surrogateescape")
        return b"\n\n".join(_body_bytes(p) for p in payload if isinstance(p, Message)) if payload else b""
    data = buffer.getvalue()
    cut = data.find(b"\n\n")
    return data[cut + 2 :] if cut >= 0 else b""


def decode_part(part: Message, hints: list[str] | tuple[str, ...] = ()) -> str:
    """Decode a text part: declared charset first, then detection when the declaration lies.
    ``format=flowed`` plain text (RFC 3676, Thunderbird and Apple Mail) is unwrapped."""
    text = decode_bytes(_payload_bytes(part), part.get_content_charset(), hints)
    if part.get_content_type() == "text/plain" and str(part.get_param("format") or "").lower() == "flowed":
        text = unflow(text, delete_space=str(part.get_param("delsp") or "").lower() == "yes")
    return text


def unflow(text: str, *, delete_space: bool = False) -> str:
    """Join the soft line breaks of format=flowed text (RFC 3676 section 4): a line ending in a
    space continues on the next line of the same quote depth; the signature separator does not."""
    out: list[str] = []
    current: str | None = None
    current_depth = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        content = content[1:] if content.startswith(" ") else content  # space-stuffing
        if current is not None and depth == current_depth:
            current += content
        else:
            if current is not None:
                out.append(">" * current_depth + (" " if current_depth else "") + current)
            current, current_depth = content, depth
        if content.endswith(" ") and content != "-- ":
            if delete_space:
                current = current[:-1]
            continue
        out.append(">" * current_depth + (" " if current_depth and current else "") + current)
        current = None
    if current is not None:
        out.append(">" * current_depth + (" " if current_depth else "") + current)
    return "\n".join(out)


_NAME_PARAM = re.compile(r"""(?:^|;)\s*(?:file)?name\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)""", re.IGNORECASE)


def _raw_name_param(part: Message) -> str | None:
    """A filename written with raw 8-bit bytes (not RFC 2231): compat32 would replace them."""
    for header_name in ("Content-Disposition", "Content-Type"):
        value = _first_header(part, header_name)
        if value and not value.isascii():
            match = _NAME_PARAM.search(unfold(value))
            if match:
                return match.group(1).strip().strip('"')
    return None


def _filename(part: Message, hints: list[str]) -> str | None:
    try:
        name = _raw_name_param(part) or part.get_filename() or part.get_param("name")
    except Exception:
        name = None
    if isinstance(name, tuple):  # RFC 2231 value the email package could not collapse
        name = email.utils.collapse_rfc2231_value(name)
    if not name:
        return None
    decoded = decode_header_text(str(name), hints).strip()
    return decoded or None


def _disposition(part: Message) -> str | None:
    value = part.get("Content-Disposition")
    if not value:
        return None
    return str(value).split(";", 1)[0].strip().lower() or None


def _is_attachment(part: Message, filename: str | None) -> bool:
    if _disposition(part) == "attachment" or filename:
        return True
    return part.get_content_maintype() not in ("text", "multipart") or part.get_content_type() in (
        _STRUCTURED_ATTACHMENTS
    )


def _embedded_message_name(part: Message, inner: Message | None, hints: list[str]) -> str | None:
    """A file name for an attached message that has none: its subject (else its description) + .eml."""
    if part.get_content_type() not in _CONTAINER_TYPES:
        return None
    description = decode_header_text(_first_header(part, "Content-Description"), hints).strip()
    subject = decode_header_text(_first_header(inner, "Subject"), hints).strip() if inner is not None else ""
    stem = re.sub(r"[\\/\x00-\x1f]+", " ", subject or description).strip() or "message"
    return f"{stem[:150]}.eml"


def _attachment(part: Message, filename: str | None, data: bytes, *, is_message: bool = False) -> ParsedAttachment:
    content_id = str(part.get("Content-ID") or "").strip() or None
    disposition = _disposition(part)
    inline = disposition == "inline" or (
        disposition is None and content_id is not None and part.get_content_maintype() == "image"
    )
    return ParsedAttachment(
        filename=filename,
        content_type=part.get_content_type(),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        content_id=content_id,
        inline=inline,
        is_message=is_message,
    )


@dataclass
class _Collected:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    # The readable body in document order: ("plain", text) or ("html", source). An HTML part
    # that has a plain alternative is kept in ``html`` only.
    sequence: list[tuple[str, str]] = field(default_factory=list)
    raw: bytes = b""  # the message bytes, to cut embedded messages out exactly as sent
    attachments: list[ParsedAttachment] = field(default_factory=list)
    embedded: list[Message] = field(default_factory=list)


def _raw_part_body(raw: bytes, boundary: str, index: int) -> bytes | None:
    """The body bytes of part ``index`` of the multipart delimited by ``boundary``, cut from the
    raw message (the email package cannot re-create them byte for byte)."""
    delimiter = b"\n--" + boundary.encode("utf-8", "surrogateescape")
    positions: list[tuple[int, int]] = []
    found = raw.find(delimiter)
    while found >= 0 and len(positions) < index + 2:
        line_end = raw.find(b"\n", found + len(delimiter))
        rest = raw[found + len(delimiter) : line_end if line_end >= 0 else len(raw)]
        if rest.strip() in (b"", b"--"):  # a delimiter line, not text that starts like one
            positions.append((found, line_end if line_end >= 0 else len(raw)))
        found = raw.find(delimiter, found + 1)
    if len(positions) < index + 2:
        return None
    segment = raw[positions[index][1] : positions[index + 1][0]]
    segment = segment[1:] if segment.startswith(b"\n") else segment
    separator = re.search(rb"\r?\n\r?\n", segment)
    if separator is None:
        return None
    body = segment[separator.end() :]
    return body.removesuffix(b"\r") if body.strip() else b""


def _message_bytes(part: Message, out: _Collected, location: tuple[str, int] | None) -> bytes:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if location is not None and out.raw and encoding in ("", "7bit", "8bit", "binary"):
        exact = _raw_part_body(out.raw, *location)
        if exact is not None:
            return exact
    data = _body_bytes(part)
    return data if data.strip() else b""


def _collect(
    part: Message,
    hints: list[str],
    out: _Collected,
    *,
    html_is_alternative: bool = False,
    location: tuple[str, int] | None = None,
) -> None:
    ctype = part.get_content_type()
    if ctype in _CONTAINER_TYPES or (part.get_content_maintype() == "message" and part.is_multipart()):
        inner = part.get_payload()
        inner_message = inner[0] if isinstance(inner, list) and inner and isinstance(inner[0], Message) else None
        if ctype in _CONTAINER_TYPES and isinstance(inner_message, Message):
            out.embedded.append(inner_message)
        filename = _filename(part, hints) or _embedded_message_name(part, inner_message, hints)
        data = _message_bytes(part, out, location) if ctype in _CONTAINER_TYPES else _body_bytes(part)
        out.attachments.append(_attachment(part, filename, data, is_message=ctype in _CONTAINER_TYPES))
        return
    if part.is_multipart():
        children = [c for c in part.get_payload() if isinstance(c, Message)]
        boundary = part.get_boundary()
        chosen = _best_alternatives(children) if ctype == "multipart/alternative" else children
        has_plain = any(_leaf_kind(c) == "plain" for c in chosen)
        for index, child in enumerate(children):
            if not any(child is c for c in chosen):  # an alternative we do not read: keep what it carries
                _collect_as_attachments(child, hints, out)
                continue
            alternative_html = html_is_alternative or (
                ctype == "multipart/alternative" and has_plain and _leaf_kind(child) == "html"
            )
            location = (boundary, index) if boundary else None
            _collect(child, hints, out, html_is_alternative=alternative_html, location=location)
        return
    filename = _filename(part, hints)
    if _is_attachment(part, filename):
        out.attachments.append(_attachment(part, filename, _payload_bytes(part)))
    elif ctype == "text/html":
        source = decode_part(part, hints)
        out.html.append(source)
        if not html_is_alternative:
            out.sequence.append(("html", source))
    else:  # text/plain and other text/* without a name are body text
        text = decode_part(part, hints)
        out.plain.append(text)
        out.sequence.append(("plain", text))


def _collect_as_attachments(part: Message, hints: list[str], out: _Collected) -> None:
    for leaf in part.walk():
        if leaf.is_multipart():
            continue
        data = _payload_bytes(leaf)
        if leaf.get_content_maintype() == "text" and not data.strip():
            continue  # an empty text alternative carries nothing
        out.attachments.append(_attachment(leaf, _filename(leaf, hints), data))


def _best_alternatives(children: list[Message]) -> list[Message]:
    """Of the alternatives keep the last plain and the last HTML rendering (RFC 2046: the last is
    the richest), plus any others that are neither (calendar parts, attachments)."""
    plain = [c for c in children if _leaf_kind(c) == "plain"]
    html = [c for c in children if _leaf_kind(c) == "html"]
    keep = {id(c) for c in (plain[-1:] + html[-1:])}
    return [c for c in children if id(c) in keep or _leaf_kind(c) == "other"]


def _leaf_kind(part: Message) -> str:
    ctype = part.get_content_type()
    if ctype == "text/plain" and not part.get_filename():
        # An empty plain alternative (some mailers send one) must not hide the HTML one.
        return "plain" if _payload_bytes(part).strip() else "empty"
    if ctype == "text/html" and not part.get_filename():
        return "html"
    if part.is_multipart() and ctype in ("multipart/related", "multipart/mixed"):
        kinds = {_leaf_kind(c) for c in part.get_payload() if isinstance(c, Message)}
        return "html" if "html" in kinds else ("plain" if "plain" in kinds else "other")
    return "other"


# --- the message ------------------------------------------------------------------------------


def _readable_body(sequence: list[tuple[str, str]]) -> tuple[str, str]:
    """Body text from the body parts in order (HTML converted to text) and where it came from:
    "plain", "html", "mixed" (both, one after the other) or "" (no body part)."""
    texts = []
    for kind, content in sequence:
        text = html_to_text(content) if kind == "html" else content
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
        if text.strip():
            texts.append(text)
    kinds = {kind for kind, _ in sequence}
    source = "mixed" if len(kinds) > 1 else (kinds.pop() if kinds else "")
    return "\n\n".join(texts).strip(), source


def _first_address(*candidates: tuple[Address, ...]) -> Address | None:
    """The first address that has an addr-spec; else the first name-only entry."""
    for addresses in candidates:
        for address in addresses:
            if address.address:
                return address
    for addresses in candidates:
        if addresses:
            return addresses[0]
    return None


def _original_from_message(inner: Message, hints: list[str]) -> ForwardedOriginal:
    collected = _Collected()
    _collect(inner, hints, collected)
    text, _source = _readable_body(collected.sequence)
    senders = parse_address_list(header(inner, "From"), hints, allow_local=True)
    return ForwardedOriginal(
        sender=_first_address(senders),
        subject=" ".join(decode_header_text(_first_header(inner, "Subject"), hints).split()),
        date=parse_date(_first_header(inner, "Date")),
        text=text,
    )


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Outlook .msg files and other OLE documents


def _not_a_mail(raw: bytes, digest: str) -> ParsedMail:
    """Binary input without any header (an Outlook .msg saved as mail): no text is made up from
    it; the bytes are kept as one attachment."""
    content_type = "application/vnd.ms-outlook" if raw.startswith(_OLE_MAGIC) else "application/octet-stream"
    attachment = ParsedAttachment(
        filename=None, content_type=content_type, size=len(raw), sha256=digest, data=raw, content_id=None
    )
    return ParsedMail(
        message_id=generated_message_id(digest),
        subject="",
        sender=None,
        attachments=(attachment,),
        content_hash=digest,
        defects=("NotAnRfc5322Message",),
    )


def parse(raw: bytes) -> ParsedMail:
    """Parse one raw RFC 5322 message (bytes exactly as received)."""
    digest = content_hash(raw)
    msg = _read_message(raw)
    if not msg.keys() and b"\x00" in raw[:4096]:
        return _not_a_mail(raw, digest)
    hints = _charset_hints(msg)

    collected = _Collected(raw=raw)
    _collect(msg, hints, collected)
    html_source = "\n".join(collected.html) if collected.html else None
    body_text, body_source = _readable_body(collected.sequence)

    subject = " ".join(decode_header_text(_first_header(msg, "Subject"), hints).split())
    senders = parse_address_list(header(msg, "From"), hints, allow_local=True)
    reply_to = parse_address_list(header(msg, "Reply-To"), hints)
    sender = _first_address(senders, parse_address_list(header(msg, "Sender"), hints, allow_local=True), reply_to)

    # The returned message inside a bounce is our own mail, not a forwarded original.
    is_report = msg.get_content_type() == "multipart/report"
    original = _original_from_message(collected.embedded[0], hints) if collected.embedded and not is_report else None
    inline_forward = find_inline_forward(body_text, subject)
    if inline_forward is not None and (original is None or original.sender is None):
        original = inline_forward
    new_text, quoted, signature = split_body(body_text)

    ids = message_ids(_first_header(msg, "Message-ID"))
    in_reply_to = message_ids(_first_header(msg, "In-Reply-To"))
    date = parse_date(_first_header(msg, "Date"))
    if date is None:
        received = msg.get_all("Received") or []
        date = parse_date(str(received[0]).rpartition(";")[2]) if received else None
    automatic = detect_automatic(msg, subject=subject, sender=sender, text=new_text)
    return ParsedMail(
        message_id=ids[0] if ids else generated_message_id(digest),
        subject=subject,
        sender=sender,
        to=parse_address_list(header(msg, "To"), hints),
        cc=parse_address_list(header(msg, "Cc"), hints),
        reply_to=reply_to,
        date=date,
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=message_ids(header(msg, "References")),
        body_text=body_text,
        new_text=new_text,
        quoted_text=quoted,
        signature=signature,
        html=html_source,
        attachments=tuple(collected.attachments),
        auto_reply=automatic is not None,
        auto_reply_reason=automatic,
        original_sender=original.sender if original else None,
        original_subject=original.subject if original else "",
        original_date=original.date if original else None,
        original_text=original.text if original else "",
        content_hash=digest,
        defects=tuple(type(d).__name__ for part in msg.walk() for d in getattr(part, "defects", ())),
        body_source=body_source,
    )
