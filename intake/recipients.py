"""Which envelope recipients the intake accepts: exact addresses or whole ``@domain``s."""

from __future__ import annotations

from collections.abc import Iterable


class RecipientPolicy:
    def __init__(self, accepted: Iterable[str]):
        entries = [entry.strip().lower() for entry in accepted if entry.strip()]
        self._addresses = {e for e in entries if not e.startswith("@")}
        self._domains = {e[1:] for e in entries if e.startswith("@")}

    def accepts(self, address: str) -> bool:
        address = address.strip().strip("<>").lower()
        return address in self._addresses or address.rpartition("@")[2] in self._domains
