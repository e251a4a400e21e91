"""Topic classification: ``classify(ParsedMail) -> TopicPrediction``.

Reads the subject and the new text of a message (``ParsedMail.classification_text``; never the
quoted history) and runs the trained topic model shipped in ``classifiers/model`` (a spaCy
pipeline with strong-term rules and per-topic thresholds, see ``classifiers.topic_model``).
Every prediction carries its evidence. The model is loaded once per process; pure otherwise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from classifiers.predictions import TopicPrediction
from classifiers.topic_model import PACKAGED_MODEL, TopicModel, load_topic_model
from intake.parsed import ParsedMail

_active_model_dir: Path = PACKAGED_MODEL


def use_model(directory: Path | str | None, *, load: bool = True) -> TopicModel | None:
    """Make the model in ``directory`` (None: the packaged one) the one ``classify`` uses in this
    process; with ``load`` it is loaded now, so a broken model fails at start-up, not on a mail."""
    global _active_model_dir
    _active_model_dir = Path(directory) if directory else PACKAGED_MODEL
    return load_topic_model(_active_model_dir) if load else None


def active_model_dir() -> Path:
    return _active_model_dir


def active_model() -> TopicModel:
    return load_topic_model(_active_model_dir)


def classify(parsed: ParsedMail, model: TopicModel | None = None) -> TopicPrediction:
    """Topics (none, one or several) of a message with scores, evidence and the urgent flag.

    Automatic mail (out-of-office replies, bounces, newsletters: ``parsed.auto_reply``) is nobody's
    question: it keeps its scores and evidence but gets no topic and no urgent flag."""
    prediction = (model or active_model()).classify_text(parsed.classification_text)
    if parsed.auto_reply:
        return replace(prediction, topics=(), urgent=False, urgent_evidence=())
    return prediction
