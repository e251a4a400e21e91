"""The SMTP receiver (RFC 5321) on aiosmtpd. It only checks recipients, stores the raw bytes
with a ``Received`` trace header naming the peer, and answers 250 after the commit; parsing
and everything else happen in the queue.

550 for recipients not accepted, 552 for messages above the size limit (aiosmtpd's
``data_size_limit``, also announced with EHLO ``SIZE``), 451 when the message could not be
stored. STARTTLS (RFC 3207) is offered when a certificate is configured."""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Callable
from email.utils import formatdate

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from intake.recipients import RecipientPolicy

logger = logging.getLogger(__name__)

# store(raw, envelope_from, envelope_to, peer, trace) -> stored message id; commits before returning.
# ``trace`` is this hop's ``Received:`` header, to be prepended to the stored bytes.
StoreFunction = Callable[[bytes, str | None, list[str], str | None, bytes], int]


def _header_token(value: str | None, fallback: str) -> str:
    """A HELO name or address safe to put into a header (no whitespace, no control chars)."""
    cleaned = "".join(ch for ch in (value or "") if 32 < ord(ch) < 127 and ch not in "()[];")
    return cleaned[:255] or fallback


def received_header(session: Session, envelope: Envelope, *, server_name: str) -> bytes:
    """This hop's trace header (RFC 5321 section 4.4): who connected, from which address,
    with which protocol, when."""
    peer_ip = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer or "unknown")
    helo = _header_token(session.host_name, "unknown")
    protocol = "ESMTP" if session.extended_smtp else "SMTP"
    if session.ssl is not None:
        protocol += "S"
    recipients = envelope.rcpt_tos
    for_clause = f"\r\n\tfor <{_header_token(recipients[0], 'unknown')}>" if len(recipients) == 1 else ""
    line = (
        f"Received: from {helo} ([{_header_token(peer_ip, 'unknown')}])\r\n"
        f"\tby {_header_token(server_name, 'eingang')} (Eingang) with {protocol}{for_clause};\r\n"
        f"\t{formatdate(usegmt=True)}\r\n"
    )
    return line.encode("ascii")


class IntakeHandler:
    def __init__(
        self,
        *,
        policy: RecipientPolicy,
        store: StoreFunction,
        on_stored: Callable[[int], object] | None = None,
    ):
        self.policy = policy
        self.store = store
        self.on_stored = on_stored

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options):
        if not self.policy.accepts(address):
            return "550 5.1.1 Recipient not accepted here"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope):
        raw = envelope.original_content or b""
        peer = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer)
        trace = received_header(session, envelope, server_name=server.hostname)
        loop = asyncio.get_running_loop()
        try:
            inbound_id = await loop.run_in_executor(
                None, self.store, raw, envelope.mail_from, list(envelope.rcpt_tos), peer, trace
            )
        except Exception:
            logger.exception("could not store a message from %s", peer)
            return "451 4.3.0 Could not store the message, please try again later"
        if self.on_stored is not None:
            try:
                await loop.run_in_executor(None, self.on_stored, inbound_id)
            except Exception:  # stored already: the sweeper will process it
                logger.warning("post-store hook failed for message %s", inbound_id, exc_info=True)
        return "250 2.0.0 Message accepted for delivery"


def server_tls_context(cert_file: str | None, key_file: str | None) -> ssl.SSLContext | None:
    """The STARTTLS context for a configured certificate, or None (then no STARTTLS is offered).
    Raises OSError/ssl.SSLError for unreadable or mismatching files, so a misconfiguration
    stops the start instead of silently receiving in plain text."""
    if not cert_file:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file or None)
    return context


def start_smtp_server(
    handler: IntakeHandler,
    *,
    host: str,
    port: int,
    max_message_size: int,
    tls_context: ssl.SSLContext | None = None,
) -> Controller:
    """Start the receiver in a background thread; call ``.stop()`` on the result to end it."""
    controller = Controller(
        handler,
        hostname=host,
        port=port,
        data_size_limit=max_message_size,
        ident="Eingang ESMTP",
        tls_context=tls_context,  # None: no STARTTLS offered (aiosmtpd's default)
    )
    controller.start()
    return controller
