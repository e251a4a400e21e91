"""Strong terms: rules that back the statistical model where a single word settles the topic
(ThürEGovRL, OZG, ThAVEL, ISMS, BSI-Grundschutz, ...). The terms are data
(``classifiers/data/strong_terms.yaml``); matching runs on the normalised tokens written by
``eingang_norm``, so umlaut-free and lower-case spellings match too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from classifiers.features import fold

PACKAGED_TERMS = Path(__file__).parent / "data" / "strong_terms.yaml"
URGENT = "urgent"


@dataclass(frozen=True)
class TermMatch:
    group: str  # a topic id or "urgent"
    surface: str  # the words as written in the mail
    weight: float


class StrongTermMatcher:
    """Finds strong terms of every topic (and urgent-incident signs) in a processed Doc."""

    def __init__(self, nlp: Language, path: Path | str = PACKAGED_TERMS) -> None:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        groups = dict(data.get("topics") or {})
        groups[URGENT] = data.get(URGENT) or {}
        self.words: dict[str, list[tuple[str, str, float]]] = {}
        self.stems: list[tuple[str, str, float]] = []
        self.phrase_weights: dict[str, float] = {}
        self.phrases = PhraseMatcher(nlp.vocab, attr="NORM")
        self._cache: dict[str, tuple[tuple[str, float], ...]] = {}
        for group, kinds in groups.items():
            for entry in kinds.get("word") or []:
                self.words.setdefault(fold(entry["term"]), []).append((group, entry["term"], _weight(entry)))
            for entry in kinds.get("stem") or []:
                self.stems.append((group, fold(entry["term"]), _weight(entry)))
            patterns = list(nlp.pipe(entry["term"] for entry in kinds.get("phrase") or []))
            for entry, pattern in zip(kinds.get("phrase") or [], patterns, strict=True):
                key = f"{group}|{entry['term']}"
                self.phrase_weights[key] = _weight(entry)
                self.phrases.add(key, [pattern])

    def _token_groups(self, norm: str) -> tuple[tuple[str, float], ...]:
        """(group, weight) pairs a normalised token matches; cached, the vocabulary repeats."""
        found = self._cache.get(norm)
        if found is None:
            hits: list[tuple[str, float]] = []
            for part in norm.split("-") if "-" in norm else (norm,):
                hits.extend((group, weight) for group, _term, weight in self.words.get(part, ()))
            hits.extend((group, weight) for group, stem, weight in self.stems if stem in norm)
            found = tuple(hits)
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[norm] = found
        return found

    def find(self, doc: Doc) -> list[TermMatch]:
        matches: list[TermMatch] = []
        for token in doc:
            norm = token.norm_
            if len(norm) < 2 or token.is_punct:
                continue
            # the lemma ("abfliessen") and the folded word as written ("abgeflossen") both count
            found = set(self._token_groups(norm)) | set(self._token_groups(fold(token.text)))
            matches.extend(TermMatch(group, token.text, weight) for group, weight in sorted(found))
        for match_id, start, end in self.phrases(doc):
            key = doc.vocab.strings[match_id]
            matches.append(TermMatch(key.split("|", 1)[0], doc[start:end].text, self.phrase_weights[key]))
        return matches


def _weight(entry: dict) -> float:
    return float(entry.get("weight", 1.0))
