"""The topic model's lemma lookup table, held compactly (issue 16: worker RSS).

spaCy's lookup lemmatizer keeps German's 355,000 ``form → lemma`` pairs from spacy-lookups-data
in a ``Table`` (an ``OrderedDict`` of Python ints and strings): about 80 MB per process, a
quarter of a worker. ``CompactLemmaTable`` answers the same lookups from a sorted array of the
same 64-bit string hashes and the distinct lemmas (about 8 MB). It is read-only; the trainer and
``TopicModel.save`` never serialise the lemmatizer, which is rebuilt from the package on load."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from array import array
from bisect import bisect_left
from typing import Any

from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id
from spacy.util import load_language_data, registry

LEMMA_LOOKUP = "lemma_lookup"


class CompactLemmaTable(Table):
    """A read-only ``Table`` (``get``, ``in``, ``[]``, ``len``) with spaCy's own key hashing.
    Of keys that hash alike, the last one wins, as in spaCy's ``Table``."""

    def __init__(self, name: str, data: dict[str, str]) -> None:
        super().__init__(name=name)
        lemma_index: dict[str, int] = {}
        pairs = sorted(
            # stable sort on the hash: among equal hashes the last pair in ``data`` comes last
            ((get_string_id(key), lemma_index.setdefault(value, len(lemma_index))) for key, value in data.items()),
            key=lambda pair: pair[0],
        )
        keys = array("Q")
        values = array("I")
        for key, value in pairs:
            if keys and keys[-1] == key:
                values[-1] = value
            else:
                keys.append(key)
                values.append(value)
        self._keys = keys
        self._values = values
        self._lemmas = tuple(lemma_index)

    def _position(self, key: str | int) -> int:
        hashed = get_string_id(key)
        position = bisect_left(self._keys, hashed)
        return position if position < len(self._keys) and self._keys[position] == hashed else -1

    def get(self, key: str | int, default: Any = None) -> Any:
        position = self._position(key)
        return self._lemmas[self._values[position]] if position >= 0 else default

    def __getitem__(self, key: str | int) -> Any:
        position = self._position(key)
        if position < 0:
            raise KeyError(key)
        return self._lemmas[self._values[position]]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str | int) and self._position(key) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError("CompactLemmaTable is read-only")

    def set(self, key: Any, value: Any) -> None:
        raise TypeError("CompactLemmaTable is read-only")


def _release_freed_memory() -> None:
    """Give the heap freed by the parsed JSON back to the system (glibc; elsewhere a no-op)."""
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def compact_lemma_lookups(lang: str) -> Lookups:
    """The ``lemma_lookup`` table of spacy-lookups-data for ``lang`` (what the lookup
    lemmatizer's ``initialize()`` loads), as a ``CompactLemmaTable``."""
    data = load_language_data(registry.lookups.get(lang)[LEMMA_LOOKUP])
    if not isinstance(data, dict):
        raise ValueError(f"spacy-lookups-data: {LEMMA_LOOKUP} for {lang!r} is no mapping")
    table = CompactLemmaTable(LEMMA_LOOKUP, data)
    del data
    _release_freed_memory()
    lookups = Lookups()
    lookups.set_table(LEMMA_LOOKUP, table)
    return lookups
