"""The IMAP channel (RFC 9051 / 3501, IDLE RFC 2177) on imap-tools.

Reads the configured folder without marking anything seen (``BODY.PEEK``), stores each mail's
raw bytes and commits, and only then moves the mail to the processed folder (or sets the
processed flag). A crash between store and move is harmless: the next poll stores the same
bytes again, which the store recognises (Message-ID + SHA-256), and moves the mail. A mail
that cannot be read is still stored, marked failed and moved to the failed folder, so it never
blocks the rest of the inbox. With IDLE the poller wakes as soon as mail arrives; without it,
it polls every ``poll_interval`` seconds."""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from imap_tools import BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted, MailMessage
from sqlalchemy.engine import Engine

from intake.channel import mark_unreadable, store_raw, unreadable_reason
from models import Channel

logger = logging.getLogger(__name__)

# IMAP system flags have their own negated search keys; other flags are keywords.
_UNSET_SEARCH_KEYS = {
    "\\seen": "UNSEEN",
    "\\answered": "UNANSWERED",
    "\\flagged": "UNFLAGGED",
    "\\draft": "UNDRAFT",
}
IDLE_MAX_SECONDS = 29 * 60  # RFC 2177: re-issue IDLE at least every 29 minutes


class RawMailMessage(MailMessage):
    """imap-tools' message that also keeps the fetched bytes exactly as the server sent them."""

    def __init__(self, fetch_data: list) -> None:
        self.raw: bytes = self._get_message_data_parts(fetch_data)[0]
        super().__init__(fetch_data)


class _RawMessages:
    """Mixin: make a mailbox class return RawMailMessage from ``fetch``."""

    email_message_class = RawMailMessage


class _SslMailBox(_RawMessages, MailBox):
    pass


class _StartTlsMailBox(_RawMessages, MailBoxStartTls):
    pass


class _PlainMailBox(_RawMessages, MailBoxUnencrypted):
    pass


@dataclass(frozen=True)
class ImapConfig:
    host: str
    username: str
    password: str = field(repr=False)
    port: int | None = None
    tls: str = "ssl"  # ssl | starttls | plain
    ca_file: str | None = None
    folder: str = "INBOX"
    processed_folder: str | None = "Eingang-verarbeitet"
    processed_flag: str = "$Eingang"
    failed_folder: str = "Eingang-fehlerhaft"
    idle: bool = True
    poll_interval: float = 60.0
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings) -> ImapConfig | None:
        """The IMAP configuration from ``Settings``, or None when no IMAP host is configured."""
        if not settings.imap_host:
            return None
        if not settings.imap_username:
            raise ValueError("EINGANG_IMAP_USERNAME ist nicht gesetzt")
        return cls(
            host=settings.imap_host,
            port=settings.imap_port,
            username=settings.imap_username,
            password=settings.imap_password.get_secret_value() if settings.imap_password else "",
            tls=settings.imap_tls,
            ca_file=settings.imap_tls_ca_file,
            folder=settings.imap_folder,
            processed_folder=settings.imap_processed_folder or None,
            processed_flag=settings.imap_processed_flag,
            failed_folder=settings.imap_failed_folder,
            idle=settings.imap_idle,
            poll_interval=settings.imap_poll_interval,
        )

    @property
    def effective_port(self) -> int:
        return self.port or (993 if self.tls == "ssl" else 143)

    def search_criteria(self) -> str:
        """What counts as new: everything not deleted in the folder, or, when stored mail stays
        in place, everything without the processed flag."""
        if self.processed_folder:
            return "UNDELETED"
        flag = self.processed_flag
        negated = _UNSET_SEARCH_KEYS.get(flag.lower())
        return f"UNDELETED {negated}" if negated else f"UNDELETED UNKEYWORD {flag}"


@dataclass
class PollResult:
    """What one pass over the folder did (message ids in the database)."""

    stored: list[int] = field(default_factory=list)  # newly stored and moved
    already_stored: list[int] = field(default_factory=list)  # stored before (crash before move), moved now
    failed: list[int] = field(default_factory=list)  # stored as failed, moved to the failed folder

    @property
    def handled(self) -> int:
        return len(self.stored) + len(self.already_stored) + len(self.failed)


class ImapPoller:
    """Polls one IMAP folder into the database. ``on_stored(id)`` is called for every stored,
    readable message once it has been moved (normally: enqueue its processing)."""

    def __init__(self, config: ImapConfig, engine: Engine, *, on_stored: Callable[[int], object] | None = None):
        self.config = config
        self.engine = engine
        self.on_stored = on_stored

    def connect(self) -> BaseMailBox:
        """Log in, make sure the target folders exist and select the folder to read."""
        config = self.config
        context = ssl.create_default_context(cafile=config.ca_file) if config.tls != "plain" else None
        if config.tls == "ssl":
            mailbox: BaseMailBox = _SslMailBox(
                config.host, config.effective_port, timeout=config.timeout, ssl_context=context
            )
        elif config.tls == "starttls":
            mailbox = _StartTlsMailBox(config.host, config.effective_port, timeout=config.timeout, ssl_context=context)
        elif config.tls == "plain":
            mailbox = _PlainMailBox(config.host, config.effective_port, timeout=config.timeout)
        else:
            raise ValueError(f"unknown IMAP transport {config.tls!r} (ssl, starttls or plain)")
        mailbox.login(config.username, config.password, initial_folder=None)
        for folder in (config.processed_folder, config.failed_folder):
            if folder and not mailbox.folder.exists(folder):
                mailbox.folder.create(folder)
        mailbox.folder.set(config.folder)
        return mailbox

    def poll_once(self, mailbox: BaseMailBox) -> PollResult:
        """Store and move every new mail of the selected folder. A storage error stops the pass
        (the mail stays where it is and is tried again next time)."""
        result = PollResult()
        for message in mailbox.fetch(self.config.search_criteria(), mark_seen=False, bulk=False, charset=None):
            assert isinstance(message, RawMailMessage)  # the mailbox classes here all fetch RawMailMessage
            self._handle(mailbox, message, result)
        return result

    def _handle(self, mailbox: BaseMailBox, message: RawMailMessage, result: PollResult) -> None:
        peer = f"imap://{self.config.host}/{self.config.folder}"
        inbound_id, created = store_raw(self.engine, message.raw, channel=Channel.IMAP, peer=peer)
        uid = message.uid
        if uid is None:  # fetched by UID FETCH, so the server must have sent one; the mail is stored
            raise ValueError("IMAP-Server lieferte eine Nachricht ohne UID")
        # Committed: from here on the mail is safe in the database and may leave the inbox.
        reason = unreadable_reason(message.raw)
        if reason is not None:
            mark_unreadable(self.engine, inbound_id, reason)
            mailbox.move(uid, self.config.failed_folder)
            result.failed.append(inbound_id)
            logger.warning("IMAP mail uid %s stored as failed message %s: %s", message.uid, inbound_id, reason)
            return
        if self.config.processed_folder:
            mailbox.move(uid, self.config.processed_folder)
        else:
            mailbox.flag(uid, self.config.processed_flag, True)
        (result.stored if created else result.already_stored).append(inbound_id)
        # Also for mail stored before a crash: it may not have been enqueued (processing is idempotent).
        if self.on_stored is not None:
            try:
                self.on_stored(inbound_id)
            except Exception:  # stored already: the sweeper will process it
                logger.warning("post-store hook failed for message %s", inbound_id, exc_info=True)

    def poll(self) -> PollResult:
        """Connect, poll once, log out (``eingang imap-poll --once``)."""
        mailbox = self.connect()
        try:
            return self.poll_once(mailbox)
        finally:
            _logout_quietly(mailbox)

    def run(self, stop: threading.Event) -> None:
        """Poll until ``stop`` is set: IDLE when supported and enabled, else sleep between polls.
        Connection errors are logged and retried with a growing pause."""
        backoff = 1.0
        while not stop.is_set():
            mailbox = None
            try:
                mailbox = self.connect()
                use_idle = self.config.idle and "IDLE" in mailbox.client.capabilities
                logger.info(
                    "IMAP: reading %s on %s (%s)",
                    self.config.folder,
                    self.config.host,
                    "IDLE" if use_idle else "Polling",
                )
                backoff = 1.0
                while not stop.is_set():
                    result = self.poll_once(mailbox)
                    if result.handled:
                        logger.info(
                            "IMAP: %d stored, %d already stored, %d failed",
                            len(result.stored),
                            len(result.already_stored),
                            len(result.failed),
                        )
                    if use_idle:
                        _idle_until_news(mailbox, stop, min(self.config.poll_interval, IDLE_MAX_SECONDS))
                    else:
                        stop.wait(self.config.poll_interval)
            except Exception:
                logger.warning("IMAP polling interrupted; reconnecting in %.0f s", backoff, exc_info=True)
                stop.wait(backoff)
                backoff = min(backoff * 2, 300.0)
            finally:
                if mailbox is not None:
                    _logout_quietly(mailbox)


def _idle_until_news(mailbox: BaseMailBox, stop: threading.Event, longest: float) -> None:
    """Wait in IDLE until the server reports something, ``longest`` passes or ``stop`` is set."""
    deadline = time.monotonic() + longest
    mailbox.idle.start()
    try:
        while not stop.is_set() and time.monotonic() < deadline:
            if mailbox.idle.poll(timeout=1.0):
                return
    finally:
        mailbox.idle.stop()


def _logout_quietly(mailbox: BaseMailBox) -> None:
    try:
        mailbox.logout()
    except Exception:  # the connection may already be gone
        logger.debug("IMAP logout failed", exc_info=True)


class ImapService:
    """The poller in a background thread, for ``eingang serve``: ``start()`` / ``stop()``."""

    def __init__(self, poller: ImapPoller):
        self.poller = poller
        self._stop = threading.Event()
        self._thread = threading.Thread(target=poller.run, args=(self._stop,), name="imap-poller", daemon=True)

    def start(self) -> ImapService:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
