"""Counting SQL statements and commits of an engine (SQLAlchemy events) — for the pipeline
benchmark and the tests that hold the pipeline to its statement budget.

``StatementCounter(engine)`` counts in this process; with ``dump_to`` a daemon thread writes the
totals every half second to ``<dir>/<pid>.json`` (the benchmark sums the files of the worker
processes). Enabled in production processes only by ``EINGANG_SQL_STATISTICS_DIR``."""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine


class StatementCounter:
    def __init__(self, engine: Engine, *, dump_to: str | Path | None = None) -> None:
        self.engine = engine
        self.statements = 0
        self.commits = 0
        self._lock = threading.Lock()
        event.listen(engine, "before_cursor_execute", self._on_statement)
        event.listen(engine, "commit", self._on_commit)
        if dump_to is not None:
            self._path = Path(dump_to) / f"{os.getpid()}.json"
            threading.Thread(target=self._dump_forever, name="sql-statistics", daemon=True).start()

    def _on_statement(self, *_args, **_kwargs) -> None:
        with self._lock:
            self.statements += 1

    def _on_commit(self, *_args) -> None:
        with self._lock:
            self.commits += 1

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self.statements, self.commits

    def reset(self) -> None:
        with self._lock:
            self.statements = self.commits = 0

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._on_statement)
        event.remove(self.engine, "commit", self._on_commit)

    def dump(self) -> None:
        statements, commits = self.snapshot()
        data = {"pid": os.getpid(), "argv": sys.argv, "statements": statements, "commits": commits}
        partial = self._path.with_suffix(".tmp")
        partial.write_text(json.dumps(data))
        partial.replace(self._path)

    def _dump_forever(self) -> None:
        stop = threading.Event()
        while not stop.wait(0.5):
            try:
                self.dump()
            except OSError:  # the benchmark removed the directory: stop counting quietly
                return
