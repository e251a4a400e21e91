"""The trained topic model: a spaCy pipeline (lookup lemmatizer, normaliser, ``textcat_multilabel``
on subword bag-of-words) plus strong-term rules, per-topic thresholds tuned on the dev split,
and evidence for every prediction.

A model directory holds ``pipeline/`` (spaCy's ``nlp.to_disk``) and ``eingang_model.json``
(labels, thresholds, strong-term boost, training metrics). The packaged model lives in
``classifiers/model``; it is loaded once per process (``load_topic_model`` caches)."""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.pipeline import TextCategorizer

import classifiers.features  # noqa: F401 - registers eingang_norm and the architecture
from classifiers.features import doc_features
from classifiers.incident_time import read_incident_time
from classifiers.lemma_table import compact_lemma_lookups
from classifiers.predictions import TOPICS, TopicPrediction, TopicScore
from classifiers.request_cues import acknowledgement_only, announcement_only, funding_question, is_advert
from classifiers.strong_terms import PACKAGED_TERMS, URGENT, StrongTermMatcher, TermMatch

PACKAGED_MODEL = Path(__file__).parent / "model"
META_FILE = "eingang_model.json"
TERMS_FILE = "strong_terms.yaml"  # the model's own copy: editing the package's file does not change a deployed model
PIPELINE_DIR = "pipeline"
TEXTCAT = "textcat_multilabel"
LEMMATIZER = "lemmatizer"
MAX_CHARS = 20_000
EVIDENCE_PER_TOPIC = 6
MIN_LOGIT_EVIDENCE = 0.3
CONFIDENT = 0.5
# A funding question alone (no other topic) needs some support from the model: road building and
# fire engines are asked about with the same words.
FUNDING_QUESTION_FLOOR = 0.6
# How often an eligibility topic added by the funding-question rule was right: 15 of 15 on the
# labelled development sets incl. blind_2026 (issue 15 round 2), smoothed (15 + 1) / (15 + 2). The
# model's own confidence for such a mail is low (it missed the question), so the rule's is shown.
FUNDING_RULE_CONFIDENCE = 0.94


class ModelNotFoundError(FileNotFoundError):
    """No trained model in the given directory."""


@dataclass(frozen=True)
class ModelSettings:
    labels: tuple[str, ...]
    thresholds: dict[str, float]
    strong_term_boost: float
    urgent_rule_threshold: float
    # per topic (a, b): confidence = sigmoid(a * logit(score) + b), fitted on the dev split (Platt)
    calibration: dict[str, tuple[float, float]] | None = None

    @classmethod
    def from_json(cls, data: dict) -> ModelSettings:
        calibration = data.get("calibration")
        return cls(
            labels=tuple(data["labels"]),
            thresholds={k: float(v) for k, v in data["thresholds"].items()},
            strong_term_boost=float(data.get("strong_term_boost", 0.0)),
            urgent_rule_threshold=float(data.get("urgent_rule_threshold", 1.0)),
            calibration={k: (float(v[0]), float(v[1])) for k, v in calibration.items()} if calibration else None,
        )

    def as_json(self) -> dict:
        data = {
            "labels": list(self.labels),
            "thresholds": {k: round(v, 4) for k, v in self.thresholds.items()},
            "strong_term_boost": self.strong_term_boost,
            "urgent_rule_threshold": round(self.urgent_rule_threshold, 4),
        }
        if self.calibration:
            data["calibration"] = {k: [round(a, 4), round(b, 4)] for k, (a, b) in self.calibration.items()}
        return data

    def confidence(self, topic: str, score: float) -> float | None:
        """Calibrated probability that ``topic`` applies, given its combined score."""
        if not self.calibration or topic not in self.calibration:
            return None
        a, b = self.calibration[topic]
        clipped = min(max(score, 1e-4), 1 - 1e-4)
        z = min(max(a * math.log(clipped / (1 - clipped)) + b, -35.0), 35.0)
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class RawScores:
    """What the pipeline says about one text before thresholds: model probabilities and rule hits."""

    doc: Doc
    probabilities: dict[str, float]
    terms: tuple[TermMatch, ...]


def combined_score(probability: float, terms: list[TermMatch], boost: float) -> float:
    """Lift the model's probability by the strong terms found: 1 - (1 - p)(1 - boost * lift)."""
    lift = 1.0
    for weight in {t.surface.lower(): t.weight for t in terms}.values():
        lift *= 1.0 - weight
    return 1.0 - (1.0 - probability) * (1.0 - boost * (1.0 - lift))


class TopicModel:
    """A loaded model. ``classify_text`` is pure and thread-safe (spaCy inference is read-only)."""

    def __init__(
        self, nlp: Language, settings: ModelSettings, meta: dict | None = None, terms_path: Path | str = PACKAGED_TERMS
    ) -> None:
        self.nlp = nlp
        self.settings = settings
        self.meta = meta or {}
        self.terms_path = Path(terms_path)
        self.matcher = StrongTermMatcher(nlp, self.terms_path)
        self._textcat = cast("TextCategorizer", nlp.get_pipe(TEXTCAT))
        self._labels = tuple(self._textcat.labels)
        self._sparse = self._textcat.model.get_ref("output_layer")

    @classmethod
    def load(cls, directory: Path | str) -> TopicModel:
        directory = Path(directory)
        meta_path = directory / META_FILE
        if not meta_path.is_file() or not (directory / PIPELINE_DIR).is_dir():
            raise ModelNotFoundError(f"kein trainiertes Themenmodell in {directory}")
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        # The lemmatizer's lookup tables come from the installed spacy-lookups-data (not copied into
        # the artifact, which keeps it small); nothing is downloaded. They are held compactly
        # (classifiers.lemma_table: the same lookups in ~8 MB instead of ~80 MB per process).
        nlp = spacy.load(directory / PIPELINE_DIR, exclude=[LEMMATIZER])
        lemmatizer = nlp.add_pipe(LEMMATIZER, config={"mode": "lookup"}, first=True)
        lemmatizer.initialize(lookups=compact_lemma_lookups(nlp.lang or "de"))  # type: ignore[attr-defined]  # typed as a bare callable
        # a model saved before the terms travelled with it falls back to the package's file
        terms = directory / TERMS_FILE if (directory / TERMS_FILE).is_file() else PACKAGED_TERMS
        return cls(nlp, ModelSettings.from_json(meta), meta, terms)

    def save(self, directory: Path | str) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.nlp.to_disk(directory / PIPELINE_DIR, exclude=[LEMMATIZER])
        terms = self.terms_path.read_text(encoding="utf-8")
        (directory / TERMS_FILE).write_text(terms, encoding="utf-8")
        meta = {**self.meta, **self.settings.as_json()}
        (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # -- prediction ---------------------------------------------------------------------------------

    def raw_scores(self, text: str) -> RawScores:
        doc = self.nlp(text[:MAX_CHARS])
        return RawScores(doc, dict(doc.cats), tuple(self.matcher.find(doc)))

    def decide(
        self, raw: RawScores, settings: ModelSettings | None = None, *, evidence: bool = True
    ) -> TopicPrediction:
        """Apply strong terms and thresholds to raw scores; attach evidence."""
        settings = settings or self.settings
        by_group: dict[str, list[TermMatch]] = {}
        for term in raw.terms:
            by_group.setdefault(term.group, []).append(term)
        topic_ids = [label for label in settings.labels if label != URGENT]
        scores = {
            topic: combined_score(
                raw.probabilities.get(topic, 0.0), by_group.get(topic, []), settings.strong_term_boost
            )
            for topic in topic_ids
        }
        urgent_probability = raw.probabilities.get(URGENT, 0.0)
        chosen = [t for t in topic_ids if scores[t] >= settings.thresholds.get(t, 0.5)]
        by_rule: set[str] = set()
        if acknowledgement_only(raw.doc.text):
            # thanks or a report after the fact: the funding or OZG words ask nothing (an incident
            # report stays an IT-security matter)
            chosen = [t for t in chosen if t == "it_security"]
        elif announcement_only(raw.doc.text):
            chosen = []  # an advert or an invitation asks nothing, however topical its words
        elif (
            "eligibility" in scores
            and "eligibility" not in chosen
            and (chosen or scores["eligibility"] >= FUNDING_QUESTION_FLOOR)
            and funding_question(raw.doc.text)
        ):
            # "… und ist das förderfähig?" after an OZG or security matter: a second question
            chosen.append("eligibility")
            by_rule.add("eligibility")
        signs = by_group.get(URGENT, [])
        security = "it_security" in chosen
        incident_words = any(t.weight >= 1.0 for t in signs)
        urgent = (
            # the model alone, when it is confident ...
            urgent_probability >= max(settings.thresholds.get(URGENT, 1.0), CONFIDENT)
            # ... or an incident described in words within an IT-security mail
            or (security and incident_words)
            # a threat word with some support from the model
            or (bool(signs) and urgent_probability >= settings.urgent_rule_threshold)
        )
        # Time, aspect and negation decide, not the vocabulary: an incident that is over, was
        # contained or did not happen, a preventive question, a training or a warning is not urgent;
        # one told as happening now is, even in panic without incident jargon.
        time = read_incident_time(raw.doc.text)
        if urgent and (time.not_current or is_advert(raw.doc.text)):
            urgent = False
        elif (
            not urgent
            and not time.not_current
            and not is_advert(raw.doc.text)
            and (time.attack_now or time.incident_now or ((incident_words or time.incident_words) and time.ongoing))
        ):
            urgent = True
        urgent_reason = time.explanation() if (urgent or signs or time.attack_now) else ""
        if urgent and "it_security" in scores and "it_security" not in chosen:
            chosen.append("it_security")  # an incident is an IT-security matter by definition
        influential = self.influential_tokens(raw.doc, [*chosen, URGENT] if urgent else chosen) if evidence else {}
        topic_scores = []
        for topic in topic_ids:
            words = _unique([t.surface for t in by_group.get(topic, [])] + influential.get(topic, []))
            confidence = settings.confidence(topic, scores[topic])
            if topic in by_rule:
                confidence = max(confidence or 0.0, FUNDING_RULE_CONFIDENCE)
            topic_scores.append(
                TopicScore(
                    topic,
                    round(scores[topic], 4),
                    tuple(words[:EVIDENCE_PER_TOPIC]),
                    round(confidence, 4) if confidence is not None else None,
                )
            )
        urgent_words = _unique([t.surface for t in by_group.get(URGENT, [])] + influential.get(URGENT, []))
        return TopicPrediction(
            scores=tuple(topic_scores),
            topics=tuple(t for t in topic_ids if t in chosen),
            urgent=urgent,
            urgent_evidence=tuple(urgent_words[:EVIDENCE_PER_TOPIC]) if urgent else (),
            urgent_reason=urgent_reason,
        )

    def classify_text(self, text: str) -> TopicPrediction:
        return self.decide(self.raw_scores(text))

    def _is_stop(self, word: str) -> bool:
        """Function words ("nicht", "können") are no evidence a consultant could use."""
        return self.nlp.vocab[word.lower()].is_stop

    def influential_tokens(self, doc: Doc, labels: list[str]) -> dict[str, list[str]]:
        """The words that pushed each label's score up most: per token the exact contribution of
        its features (word + character n-grams) to the linear model's logit."""
        if not labels:
            return {}
        surfaces, per_token, _bigrams = doc_features(doc)
        if not surfaces:
            return {}
        lengths = numpy.asarray([len(keys) for keys in per_token], dtype="int32")
        keys = numpy.concatenate(per_token)
        values = numpy.full(len(keys), numpy.log1p(1.0), dtype="float32")
        logits = self._sparse.predict((keys, values, lengths)) - self._sparse.get_param("b")
        result: dict[str, list[str]] = {}
        for label in labels:
            if label not in self._labels:
                continue
            column = logits[:, self._labels.index(label)]
            order = numpy.argsort(-column)
            words = [
                surfaces[i]
                for i in order
                if column[i] >= MIN_LOGIT_EVIDENCE and len(surfaces[i]) > 2 and not self._is_stop(surfaces[i])
            ]
            result[label] = _unique(words)[:EVIDENCE_PER_TOPIC]
        return result


def _unique(words: list[str]) -> list[str]:
    seen: set[str] = set()
    result = []
    for word in words:
        key = word.lower()
        if key not in seen:
            seen.add(key)
            result.append(word)
    return result


_LOCK = threading.Lock()


@lru_cache(maxsize=4)
def _cached(directory: str) -> TopicModel:
    return TopicModel.load(directory)


def load_topic_model(directory: Path | str | None = None) -> TopicModel:
    """The model in ``directory`` (default: the packaged one), loaded once per process."""
    with _LOCK:
        return _cached(str(Path(directory or PACKAGED_MODEL).resolve()))


__all__ = ["PACKAGED_MODEL", "TOPICS", "ModelNotFoundError", "ModelSettings", "TopicModel", "load_topic_model"]
