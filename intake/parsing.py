"""MIME parsing: ``parse(raw bytes) -> ParsedMail``. Pure — no I/O, no database.

Follows RFC 5322 / 2045-2049 via Python's ``email`` package with the modern policy; the raw
bytes are never decoded before parsing (that would corrupt non-UTF-8 mail)."""

from __future__ import annotations

import email
import email.policy
import hashlib
import re
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

from inscriptis import get_text

from intake.bodies import split_body
from intake.parsed import Address, ParsedAttachment, ParsedMail

_MSGID = re.compile(r"<[^<>\s]+>")


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _header(msg: EmailMessage, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # malformed header the policy cannot even represent
        value = msg.get_all(name, failobj=[None])[0] if hasattr(msg, "get_all") else None
    return str(value).strip() if value is not None else ""


def _addresses(msg: EmailMessage, name: str) -> tuple[Address, ...]:
    values = msg.get_all(name) or []
    result = []
    for display, addr in getaddresses([str(v) for v in values]):
        if addr or display:
            result.append(Address(addr.strip().lower(), display.strip()))
    return tuple(result)


def _message_ids(value: str) -> tuple[str, ...]:
    return tuple(_MSGID.findall(value or ""))


def decode_part(part: EmailMessage) -> str:
    """Decode a text part: declared charset first, then detection when the declaration lies."""
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "us-ascii"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeDecodeError):
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(payload).best()
    if best is not None:
        return str(best)
    return payload.decode("latin-1")


def html_to_text(html: str) -> str:
    return get_text(html).strip()


def _is_attachment(part: EmailMessage) -> bool:
    disposition = part.get_content_disposition()
    if disposition == "attachment":
        return True
    if part.get_filename():
        return True
    return part.get_content_maintype() not in ("text", "multipart", "message")


def parse(raw: bytes) -> ParsedMail:
    """Parse one raw RFC 5322 message."""
    msg: EmailMessage = email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[assignment]
    digest = content_hash(raw)

    plain: list[str] = []
    html: list[str] = []
    attachments: list[ParsedAttachment] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if _is_attachment(part):
            data = part.get_payload(decode=True) or b""
            attachments.append(
                ParsedAttachment(
                    filename=part.get_filename(),
                    content_type=ctype,
                    size=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    data=data,
                    content_id=(part.get("Content-ID") or None),
                    inline=part.get_content_disposition() == "inline",
                )
            )
        elif ctype == "text/plain":
            plain.append(decode_part(part))
        elif ctype == "text/html":
            html.append(decode_part(part))

    html_source = "\n".join(html) if html else None
    body_text = "\n".join(plain).strip() if plain else (html_to_text(html_source) if html_source else "")
    new_text, quoted, signature = split_body(body_text)

    message_id_values = _message_ids(_header(msg, "Message-ID"))
    message_id = message_id_values[0] if message_id_values else f"<{digest}@eingang.generated>"
    try:
        date = parsedate_to_datetime(_header(msg, "Date")) if _header(msg, "Date") else None
    except (TypeError, ValueError):
        date = None
    in_reply_to = _message_ids(_header(msg, "In-Reply-To"))
    senders = _addresses(msg, "From")
    auto_reason = detect_auto_reply(msg)
    return ParsedMail(
        message_id=message_id,
        subject=" ".join(_header(msg, "Subject").split()),
        sender=senders[0] if senders else None,
        to=_addresses(msg, "To"),
        cc=_addresses(msg, "Cc"),
        reply_to=_addresses(msg, "Reply-To"),
        date=date,
        in_reply_to=in_reply_to[0] if in_reply_to else None,
        references=_message_ids(_header(msg, "References")),
        body_text=body_text,
        new_text=new_text,
        quoted_text=quoted,
        signature=signature,
        html=html_source,
        attachments=tuple(attachments),
        auto_reply=auto_reason is not None,
        auto_reply_reason=auto_reason,
        content_hash=digest,
        defects=tuple(type(d).__name__ for d in msg.defects),
    )


_OUT_OF_OFFICE = re.compile(
    r"(abwesenheitsnotiz|automatische antwort|out of office|autoreply|auto-reply|automatic reply|"
    r"abwesend|urlaubsvertretung|nicht im büro|undeliverable|unzustellbar|delivery status notification|"
    r"mail delivery (failed|system))",
    re.IGNORECASE,
)


def detect_auto_reply(msg: EmailMessage) -> str | None:
    """Why a message is automatic mail (RFC 3834 and common practice), or None."""
    auto_submitted = _header(msg, "Auto-Submitted").lower()
    if auto_submitted and auto_submitted != "no":
        return f"Auto-Submitted: {auto_submitted}"
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"):
        if name != "X-Auto-Response-Suppress" and _header(msg, name):
            return name
    precedence = _header(msg, "Precedence").lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    if _header(msg, "List-Unsubscribe") or _header(msg, "List-Id"):
        return "mailing list"
    if msg.get_content_type() == "multipart/report":
        return "delivery status notification"
    if _OUT_OF_OFFICE.search(_header(msg, "Subject")):
        return "automatic subject"
    return None
