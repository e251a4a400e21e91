"""Composing Eingang's mail and handing it to the configured outgoing SMTP relay. Nothing sends
directly: every mail goes through the outbox (``casework.outbox``), which calls the relay."""

from __future__ import annotations

import re
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from eingang.settings import Settings

_MIME_TOKEN = re.compile(r"^[a-z0-9][a-z0-9.+-]{0,63}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class MailNotConfigured(RuntimeError):
    """No relay is configured (``EINGANG_RELAY_HOST`` unset)."""


def new_message(
    settings: Settings,
    *,
    to: str,
    subject: str,
    body: str,
    cc: str | None = None,
    in_reply_to: str | None = None,
    references: list[str] | None = None,
    auto_submitted: str | None = None,
    attachments: Sequence[tuple[str, str, bytes]] = (),
) -> EmailMessage:
    """A plain-text UTF-8 message from Eingang's address, with threading headers when replying
    and ``attachments`` (file name, content type, data) as MIME parts."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    domain = settings.mail_from.rpartition("@")[2].rstrip(">").strip() or "eingang.local"
    message["Message-ID"] = make_msgid(domain=domain)
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = " ".join([*(references or []), in_reply_to][-20:])
    if auto_submitted:
        message["Auto-Submitted"] = auto_submitted
    message.set_content(body, charset="utf-8")
    for filename, content_type, data in attachments:
        filename = _CONTROL.sub("", filename).strip() or "anhang"
        maintype, _, subtype = (content_type or "").lower().partition("/")
        if not _MIME_TOKEN.match(maintype) or not _MIME_TOKEN.match(subtype) or maintype in ("multipart", "message"):
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message


def envelope_sender(message: EmailMessage) -> str | None:
    """The SMTP envelope sender: empty (``MAIL FROM:<>``) for automatic replies, as RFC 3834
    section 3.3 recommends so that they never trigger further automatic replies or bounces;
    otherwise None, which lets smtplib take the From address."""
    auto_submitted = (message.get("Auto-Submitted") or "no").strip().lower()
    return "" if auto_submitted != "no" else None


def send_message(settings: Settings, message: EmailMessage, *, timeout: float = 30) -> None:
    """Hand ``message`` to the relay; raises MailNotConfigured or smtplib/OSError errors."""
    if not settings.relay_host:
        raise MailNotConfigured("EINGANG_RELAY_HOST ist nicht gesetzt")
    with smtplib.SMTP(settings.relay_host, settings.relay_port, timeout=timeout) as client:
        if settings.relay_starttls:
            client.starttls(context=ssl.create_default_context())
        if settings.relay_username:
            password = settings.relay_password.get_secret_value() if settings.relay_password else ""
            client.login(settings.relay_username, password)
        client.send_message(message, from_addr=envelope_sender(message))


@dataclass(frozen=True)
class SmtpRelay:
    """The runtime's relay (``casework.runtime.Relay``) on the settings' relay configuration."""

    settings: Settings

    @property
    def configured(self) -> bool:
        return bool(self.settings.relay_host)

    def send(self, message: EmailMessage) -> None:
        send_message(self.settings, message)
