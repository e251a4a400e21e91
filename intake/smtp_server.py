"""The SMTP receiver (RFC 5321) on aiosmtpd. It only checks recipients, stores the raw bytes
and answers 250 after the commit; parsing and everything else happen in the queue.

550 for recipients not accepted, 451 when the message could not be stored."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from intake.recipients import RecipientPolicy

logger = logging.getLogger(__name__)

# store(raw, envelope_from, envelope_to, peer) -> stored message id; commits before returning.
StoreFunction = Callable[[bytes, str | None, list[str], str | None], int]


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
        loop = asyncio.get_running_loop()
        try:
            inbound_id = await loop.run_in_executor(
                None, self.store, raw, envelope.mail_from, list(envelope.rcpt_tos), peer
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


def start_smtp_server(handler: IntakeHandler, *, host: str, port: int, max_message_size: int) -> Controller:
    """Start the receiver in a background thread; call ``.stop()`` on the result to end it."""
    controller = Controller(handler, hostname=host, port=port, data_size_limit=max_message_size, ident="Eingang ESMTP")
    controller.start()
    return controller
