"""Logging set-up of every Eingang process, done once at its entry point (the CLI, and the
dramatiq worker processes through ``queue_workers.broker``).

``EINGANG_LOG_FORMAT=json`` writes one JSON object per line — time, level, logger, message and
the ids a log line names as fields (``inbound_id``, ``message_id``, ``reference``,
``consultation_id``, ``job``, …, passed with ``extra=``). Mail bodies are never logged, in either
format: log calls name ids, never contents. Imports nothing of Eingang but its settings."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

# The structured fields a log call may pass with ``extra={...}``; everything else is dropped.
FIELDS = ("inbound_id", "message_id", "reference", "consultation_id", "outbound_id", "job", "period", "channel", "user")
NOISY = ("alembic", "spacy", "mail.log")


class JsonFormatter(logging.Formatter):
    """One JSON object per record; ids as fields, the message rendered, exceptions as text."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
            "thread": record.threadName,
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value if isinstance(value, int | float | bool) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(log_format: str = "text", *, verbose: bool = False, replace_handlers: bool = True) -> None:
    """Configure the root logger for this process: text (default) or JSON lines on stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if log_format == "json":
        formatter: logging.Formatter = JsonFormatter()
    else:
        formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if replace_handlers or not root.handlers:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        handler = logging.StreamHandler(sys.stderr)
        root.addHandler(handler)
    for handler in root.handlers:
        handler.setFormatter(formatter)
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)
