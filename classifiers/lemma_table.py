"""The topic model's lemma lookup table, held compactly (issue 16: worker RSS).

spaCy's lookup lemmatizer keeps German's 355,000 ``form → lemma`` pairs from spacy-lookups-data
in a ``Table`` (an ``OrderedDict`` of Python ints and strings). Loaded that way it costs a process
about 135 MB of RSS: the table itself (~80 MB) and the heap the parsed JSON leaves behind, kept
resident by the lemma strings scattered over it. ``CompactLemmaTable`` answers the same lookups
(spaCy's own 64-bit string hashes; of keys that hash alike the last wins, as in ``Table``) from
a sorted array of the hashes and the distinct lemmas in one string: about 10 MB, and the file is
read pair by pair instead of as one JSON object, so loading peaks at about +60 MB instead of
+130 MB. It is read-only; the trainer and ``TopicModel.save`` never serialise the lemmatizer,
which is rebuilt from the package on load."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import gzip
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy
from spacy.lookups import Lookups, Table
from spacy.strings import get_string_id
from spacy.util import load_language_data, registry

LEMMA_LOOKUP = "lemma_lookup"
# One "form": "lemma" pair of a flat JSON object without escapes.
_PAIR = re.compile(rb'"([^"\\]*)"\s*:\s*"([^"\\]*)"')


class CompactLemmaTable(Table):
    """A read-only ``Table`` (``get``, ``in``, ``[]``, ``len``) with spaCy's own key hashing."""

    def __init__(self, name: str, pairs: Iterable[tuple[str, str]]) -> None:
        super().__init__(name=name, data={})  # a one-item Bloom filter: ``in`` does not use it
        lemma_index: dict[str, int] = {}
        hashes = array("Q")
        indices = array("I")
        for key, value in pairs:
            hashes.append(get_string_id(key))
            indices.append(lemma_index.setdefault(value, len(lemma_index)))
        sorted_hashes = numpy.frombuffer(hashes, dtype=numpy.uint64)
        order = numpy.argsort(sorted_hashes, kind="stable")  # equal hashes keep their file order
        sorted_hashes = sorted_hashes[order]
        last = numpy.append(sorted_hashes[1:] != sorted_hashes[:-1], True)  # the last of equal hashes
        self._keys = array("Q", sorted_hashes[last].tobytes())
        self._values = array("I", numpy.frombuffer(indices, dtype=numpy.uint32)[order][last].tobytes())
        # The distinct lemmas in one string with their offsets, not as 90,000 small strings: those
        # would be scattered over the heap the parsing leaves behind and keep it resident.
        self._text = "".join(lemma_index)
        offsets = array("I", [0])
        for lemma in lemma_index:
            offsets.append(offsets[-1] + len(lemma))
        self._offsets = offsets

    def _position(self, key: str | int) -> int:
        hashed = get_string_id(key)
        position = bisect_left(self._keys, hashed)
        return position if position < len(self._keys) and self._keys[position] == hashed else -1

    def _lemma(self, position: int) -> str:
        index = self._values[position]
        return self._text[self._offsets[index] : self._offsets[index + 1]]

    def get(self, key: str | int, default: Any = None) -> Any:
        position = self._position(key)
        return self._lemma(position) if position >= 0 else default

    def __getitem__(self, key: str | int) -> Any:
        position = self._position(key)
        if position < 0:
            raise KeyError(key)
        return self._lemma(position)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str | int) and self._position(key) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def __setitem__(self, key: Any, value: Any) -> None:
        raise TypeError("CompactLemmaTable is read-only")

    def set(self, key: Any, value: Any) -> None:
        raise TypeError("CompactLemmaTable is read-only")


def lookup_pairs(path: Path | str) -> Iterator[tuple[str, str]]:
    """The ``form → lemma`` pairs of a spacy-lookups-data file in file order: matched pair by
    pair in the (decompressed) bytes when the file is one flat object of strings without
    escapes, as the German table is; otherwise parsed by spaCy's JSON loader."""
    path = Path(path)  # as spaCy's ``load_language_data``: the file, else its ``.gz``
    gzipped = path.with_suffix(path.suffix + ".gz")
    raw = path.read_bytes() if path.exists() else gzip.decompress(gzipped.read_bytes()) if gzipped.exists() else b""
    flat = raw.lstrip().startswith(b"{") and raw.count(b"{") == 1 and b"[" not in raw and b"\\" not in raw
    if not flat:
        del raw
        data = load_language_data(path)
        if not isinstance(data, dict):
            raise ValueError(f"spacy-lookups-data: {path.name} is no mapping")
        yield from data.items()
        return
    for match in _PAIR.finditer(raw):
        yield match[1].decode("utf-8"), match[2].decode("utf-8")


def _release_freed_memory() -> None:
    """Give the heap freed while loading back to the system (glibc; elsewhere a no-op)."""
    gc.collect()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass


def compact_lemma_lookups(lang: str) -> Lookups:
    """The ``lemma_lookup`` table of spacy-lookups-data for ``lang`` (what the lookup
    lemmatizer's ``initialize()`` loads), as a ``CompactLemmaTable``."""
    table = CompactLemmaTable(LEMMA_LOOKUP, lookup_pairs(registry.lookups.get(lang)[LEMMA_LOOKUP]))
    _release_freed_memory()
    lookups = Lookups()
    lookups.set_table(LEMMA_LOOKUP, table)
    return lookups
