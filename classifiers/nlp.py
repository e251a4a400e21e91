"""The shared spaCy base pipeline: ``spacy.blank("de")`` with the lookup lemmatizer from
``spacy-lookups-data``. Nothing is downloaded at run time."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


def build_base_pipeline() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def base_pipeline() -> Language:
    """One German pipeline per process (loading the lookup tables takes about a second)."""
    return build_base_pipeline()
