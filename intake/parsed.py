"""The parsed form of one message: what every later stage reads instead of raw bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Address:
    address: str  # lower-cased addr-spec, "" when unparseable
    name: str = ""

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>" if self.name else self.address

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2] if "@" in self.address else ""


@dataclass(frozen=True)
class ParsedAttachment:
    filename: str | None
    content_type: str
    size: int
    sha256: str
    data: bytes = field(repr=False)
    content_id: str | None = None
    inline: bool = False  # shown inside the body (Content-Disposition inline, or an image with a Content-ID)
    # The part was a whole message (message/rfc822: a forwarded or bounced mail, data = its bytes).
    is_message: bool = False


@dataclass(frozen=True)
class ParsedMail:
    """A message after MIME parsing and body separation. Pure data, no I/O."""

    message_id: str
    subject: str
    sender: Address | None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    date: datetime | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    # Body: the full readable text, split into what the sender wrote now, the quoted
    # history and the signature. The classifier reads ``new_text``; the linker also the signature.
    body_text: str = ""
    new_text: str = ""
    quoted_text: str = ""
    signature: str = ""
    html: str | None = None
    attachments: tuple[ParsedAttachment, ...] = ()
    # Automatic mail (RFC 3834, out-of-office, bounces, lists) gets no acknowledgement.
    auto_reply: bool = False
    auto_reply_reason: str | None = None
    # For forwarded mail (inline or as a message/rfc822 part): who originally wrote it, and what.
    original_sender: Address | None = None
    original_subject: str = ""
    original_date: datetime | None = None
    original_text: str = ""
    content_hash: str = ""
    defects: tuple[str, ...] = ()
    # Where body_text came from: "plain", "html", "mixed" (plain and HTML parts one after the
    # other, as in multipart/mixed) or "" (no readable body part).
    body_source: str = ""

    def as_dict(self) -> dict:
        """JSON-ready view (attachment contents as size and SHA-256 only): golden files, debugging."""

        def address(value: Address | None) -> dict | None:
            return {"address": value.address, "name": value.name} if value is not None else None

        return {
            "message_id": self.message_id,
            "subject": self.subject,
            "sender": address(self.sender),
            "to": [address(a) for a in self.to],
            "cc": [address(a) for a in self.cc],
            "reply_to": [address(a) for a in self.reply_to],
            "date": self.date.isoformat() if self.date else None,
            "in_reply_to": self.in_reply_to,
            "references": list(self.references),
            "body_source": self.body_source,
            "body_text": self.body_text,
            "new_text": self.new_text,
            "quoted_text": self.quoted_text,
            "signature": self.signature,
            "html": self.html,
            "attachments": [
                {
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "content_id": a.content_id,
                    "inline": a.inline,
                    "is_message": a.is_message,
                }
                for a in self.attachments
            ],
            "auto_reply": self.auto_reply,
            "auto_reply_reason": self.auto_reply_reason,
            "original_sender": address(self.original_sender),
            "original_subject": self.original_subject,
            "original_date": self.original_date.isoformat() if self.original_date else None,
            "original_text": self.original_text,
            "content_hash": self.content_hash,
            "defects": list(self.defects),
        }

    @property
    def classification_text(self) -> str:
        """Subject plus new text: what topic classification reads."""
        return f"{self.subject}\n\n{self.new_text}".strip()
