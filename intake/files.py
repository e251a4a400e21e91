"""Reading messages from files for ``eingang ingest``: single ``.eml`` files, mbox files and
directories of either. Yields raw bytes exactly as stored on disk."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from pathlib import Path


def _looks_like_mbox(path: Path) -> bool:
    if path.suffix.lower() == ".mbox":
        return True
    with path.open("rb") as handle:
        head = handle.read(5)
    return head == b"From " and path.suffix.lower() not in (".eml", ".box", ".msg")


def read_messages(path: Path) -> Iterator[tuple[str, bytes]]:
    """Yield (label, raw bytes) for every message in ``path``; raise FileNotFoundError for a
    missing path."""
    if not path.exists():
        raise FileNotFoundError(path)
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file() and child.suffix.lower() in (".eml", ".mbox", ".box"):
                yield from read_messages(child)
        return
    if _looks_like_mbox(path):
        box = mailbox.mbox(str(path), create=False)
        try:
            for index, key in enumerate(box.iterkeys()):
                yield f"{path}#{index + 1}", box.get_bytes(key)
        finally:
            box.close()
        return
    yield str(path), path.read_bytes()
