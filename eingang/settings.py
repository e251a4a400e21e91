"""All configuration of Eingang in one pydantic-settings class (environment prefix ``EINGANG_``).

Values are read once at the edge (CLI, worker start, web app factory) and passed into
constructors; library code never reads the environment itself.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_RECIPIENTS = ("egovernment@tfm.thueringen.de", "kompetenzzentrum@tfm.thueringen.de")


def _split_list(value: object) -> object:
    """Accept comma-separated strings from the environment as lists."""
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Eingang's configuration. Every field maps to ``EINGANG_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="EINGANG_", env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(
        default_factory=lambda: f"sqlite:///{Path.cwd() / 'eingang.db'}",
        description="SQLAlchemy URL; default is a SQLite file in the working directory.",
    )
    redis_url: str | None = Field(
        default=None, description="Redis URL for dramatiq; unset = embedded in-process queue."
    )
    redis_namespace: str = Field(default="eingang", description="Key prefix of the queues in Redis.")

    smtp_host: str = Field(default="127.0.0.1", description="Address the SMTP receiver binds to.")
    smtp_port: int = Field(default=8025, description="Port of the SMTP receiver.")
    accepted_recipients: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_RECIPIENTS),
        description="Addresses or @domains the SMTP receiver accepts (comma-separated).",
    )
    smtp_max_message_size: int = Field(
        default=25 * 1024 * 1024, description="Largest message the SMTP receiver accepts (bytes)."
    )
    smtp_tls_cert: str | None = Field(
        default=None, description="PEM certificate (chain) file; when set, the SMTP receiver offers STARTTLS."
    )
    smtp_tls_key: str | None = Field(default=None, description="PEM private key file belonging to smtp_tls_cert.")

    imap_host: str | None = Field(
        default=None, description="IMAP server to poll (`eingang imap-poll`, and in `serve`); unset = no IMAP."
    )
    imap_port: int | None = Field(default=None, description="IMAP port; unset = 993 for ssl, 143 otherwise.")
    imap_tls: str = Field(
        default="ssl", pattern="^(ssl|starttls|plain)$", description="IMAP transport: ssl, starttls or plain."
    )
    imap_tls_ca_file: str | None = Field(
        default=None, description="CA certificate file to verify the IMAP server with (default: system CAs)."
    )
    imap_username: str | None = Field(default=None, description="IMAP login.")
    imap_password: SecretStr | None = Field(default=None, description="IMAP password.")
    imap_folder: str = Field(default="INBOX", description="IMAP folder read for new mail.")
    imap_processed_folder: str | None = Field(
        default="Eingang-verarbeitet",
        description="Folder stored mail is moved to; empty = leave it in place and set imap_processed_flag.",
    )
    imap_processed_flag: str = Field(
        default="$Eingang", description="Flag/keyword set on stored mail when no processed folder is configured."
    )
    imap_failed_folder: str = Field(
        default="Eingang-fehlerhaft", description="Folder unreadable mail is moved to (it is stored as failed)."
    )
    imap_idle: bool = Field(default=True, description="Use IMAP IDLE when the server supports it.")
    imap_poll_interval: float = Field(
        default=60.0, description="Seconds between IMAP polls (without IDLE; with IDLE the longest wait)."
    )

    acknowledgement_enabled: bool = Field(
        default=True, description="Send an acknowledgement with the reference number for new consultations."
    )
    acknowledgement_daily_limit: int = Field(
        default=3, description="At most this many acknowledgements per sender address within 24 hours."
    )
    acknowledgement_domain_hourly_limit: int = Field(
        default=10, description="At most this many acknowledgements per recipient mail domain within an hour."
    )
    acknowledgement_hourly_limit: int = Field(
        default=60, description="At most this many acknowledgements per hour for the whole instance."
    )

    relay_host: str | None = Field(
        default=None, description="Outgoing SMTP relay for acknowledgements and answers; unset = no mail is sent."
    )
    relay_port: int = Field(default=25, description="Port of the outgoing SMTP relay.")
    relay_username: str | None = Field(default=None, description="Login at the relay, if needed.")
    relay_password: SecretStr | None = Field(default=None, description="Password at the relay.")
    relay_starttls: bool = Field(default=False, description="Use STARTTLS towards the relay.")
    mail_from: str = Field(
        default="Kompetenzzentrum Verwaltung 4.0 <kompetenzzentrum@tfm.thueringen.de>",
        description="From address of mail that Eingang sends.",
    )

    web_host: str = Field(default="127.0.0.1", description="Address the web app binds to.")
    web_port: int = Field(default=8000, description="Port of the web app.")
    environment: str = Field(
        default="development",
        description="`development` or `production`; outside development a real web secret key is required.",
    )
    web_secret_key: SecretStr | None = Field(
        default=None,
        description="Signs session cookies (≥ 32 characters); unset = random per process (development only).",
    )
    web_cookie_secure: bool | None = Field(
        default=None, description="Send the session cookie only over HTTPS; unset = on outside development."
    )
    web_session_hours: float = Field(default=10.0, description="How long a login stays valid (hours).")
    web_trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Reverse proxies (IP addresses or CIDR networks, comma-separated) whose X-Forwarded-For "
        "header is believed; empty = the header is ignored.",
    )
    web_max_body_bytes: int = Field(
        default=1024 * 1024,
        description="Largest request body of forms and the JSON API (bytes); larger ones get 413 unread.",
    )
    web_max_chat_body_bytes: int = Field(
        default=64 * 1024, description="Largest request body of the chat API and largest chat WebSocket frame (bytes)."
    )
    web_max_answer_body_bytes: int = Field(
        default=25 * 1024 * 1024, description="Largest request body of a consultant's answer, with attachments (bytes)."
    )
    answer_max_attachment_bytes: int = Field(
        default=10 * 1024 * 1024,
        description="Largest total size of the attachments of one answer (bytes); larger ones are refused.",
    )
    web_login_free_attempts: int = Field(
        default=5, description="Wrong passwords per account and client before further attempts are delayed."
    )
    web_login_client_free_attempts: int = Field(
        default=50, description="Wrong passwords per client address (all accounts together) before delays start."
    )
    web_login_max_delay_seconds: float = Field(
        default=900.0, description="Longest wait between login attempts; it doubles from 1 s after the free attempts."
    )

    chat_guidance_path: str | None = Field(
        default=None, description="Chat guidance YAML (answers per topic) overriding the packaged one."
    )
    chat_max_message_chars: int = Field(default=4000, description="Longest chat message accepted (characters).")
    chat_rate_limit_per_minute: int = Field(
        default=12, description="Chat messages one client (IP address) may send per minute."
    )
    chat_sessions_per_hour: int = Field(
        default=20, description="Chat sessions one client (IP address) may start per hour."
    )
    chat_presence_seconds: float = Field(
        default=30.0, description="A chat visitor unseen this long has left; answers then go out by e-mail."
    )
    chat_reply_wait_seconds: float = Field(
        default=8.0, description="With Redis: how long the chat waits for the worker before replying without reference."
    )

    taxonomy_path: str | None = Field(default=None, description="Topic taxonomy YAML overriding the packaged one.")
    topic_model_path: str | None = Field(
        default=None,
        description="Directory of a promoted topic model (`eingang promote-model`); unset = the packaged model.",
    )
    reference_prefix: str = Field(default="KV", description="Prefix of consultation references (KV-2026-00042).")
    processing_wait_seconds: float = Field(
        default=60.0, description="How long `eingang ingest` waits for each message to be processed."
    )

    # Workflow, reminders and the scheduler (issue 6).
    sla_hours_normal: float = Field(default=72.0, description="First-response SLA for priority `normal` (hours).")
    sla_hours_high: float = Field(default=24.0, description="First-response SLA for priority `hoch` (hours).")
    sla_hours_urgent: float = Field(default=4.0, description="First-response SLA for priority `dringend` (hours).")
    escalation_hours: float = Field(
        default=2.0, description="Urgent consultations without a first response after this many hours: team lead."
    )
    digest_time: str = Field(default="07:30", description="Local time (HH:MM) of the daily task digest (working days).")
    local_timezone: str = Field(default="Europe/Berlin", description="Time zone for the digest time and due dates.")
    scheduler_tick_seconds: float = Field(default=15.0, description="How often the scheduler checks for due jobs.")
    sweeper_interval_seconds: int = Field(default=60, description="Period of the sweeper job (seconds).")
    sweeper_min_age_seconds: int = Field(
        default=600,
        description=(
            "Enqueue lease: the sweeper re-enqueues a stored, unprocessed message only this long after it was "
            "received or last enqueued (so mail still waiting in the queue is not enqueued twice)."
        ),
    )
    retry_horizon_hours: float = Field(
        default=24.0,
        description=(
            "Transient errors (database, broker briefly away) are retried with backoff for this long after "
            "receipt; only then is the message marked failed."
        ),
    )
    sql_statistics_dir: str | None = Field(
        default=None,
        description="Benchmarks only: each process writes its SQL statement and commit counts to <dir>/<pid>.json.",
    )
    sla_check_interval_seconds: int = Field(
        default=300, description="Period of the SLA-breach and escalation job (seconds)."
    )

    # Operations (issue 17): metrics and logs.
    metrics_token: SecretStr | None = Field(
        default=None,
        description="Bearer token for GET /metrics; unset = /metrics answers only clients on the loopback address.",
    )
    metrics_port: int | None = Field(
        default=None, description="`eingang worker` / `eingang scheduler`: serve their metrics on this port."
    )
    metrics_host: str = Field(default="127.0.0.1", description="Address the metrics port of worker/scheduler binds to.")
    log_format: str = Field(
        default="text", pattern="^(text|json)$", description="`json`: one JSON object per log line."
    )

    @field_validator("accepted_recipients", mode="before")
    @classmethod
    def _recipients_from_csv(cls, value: object) -> object:
        return _split_list(value)

    @field_validator("web_trusted_proxies", mode="before")
    @classmethod
    def _proxies_from_csv(cls, value: object) -> object:
        return _split_list(value)

    @field_validator("web_trusted_proxies")
    @classmethod
    def _proxies_are_networks(cls, value: list[str]) -> list[str]:
        from ipaddress import ip_network

        for item in value:
            try:
                ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"web_trusted_proxies: {item!r} is no IP address or CIDR network") from None
        return value

    @field_validator("accepted_recipients")
    @classmethod
    def _lowercase(cls, value: list[str]) -> list[str]:
        return [item.lower() for item in value]

    @field_validator("digest_time")
    @classmethod
    def _digest_time_is_hh_mm(cls, value: str) -> str:
        try:
            return datetime.strptime(value.strip(), "%H:%M").strftime("%H:%M")
        except ValueError:
            raise ValueError(f"digest_time must be HH:MM (e.g. 07:30), not {value!r}") from None

    @field_validator("local_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (e.g. Europe/Berlin)") from None
        return value

    @field_validator("web_secret_key")
    @classmethod
    def _no_weak_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("EINGANG_WEB_SECRET_KEY must be a random string of at least 32 characters")
        return value

    @property
    def own_addresses(self) -> frozenset[str]:
        """The ministry's own addresses: ``mail_from`` and the accepted recipients (``@domain``
        entries stand for every address of that domain)."""
        from email.utils import parseaddr

        sender = parseaddr(self.mail_from)[1].strip().lower()
        return frozenset(filter(None, [sender, *self.accepted_recipients]))

    @property
    def is_development(self) -> bool:
        return self.environment.strip().lower() == "development"

    @property
    def embedded_queue(self) -> bool:
        """True when no Redis is configured and the queue runs inside the process."""
        return not self.redis_url


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment and ``.env``."""
    return Settings()
