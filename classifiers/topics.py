"""Topic classification: ``classify(ParsedMail) -> TopicPrediction``.

Reads the subject and the new text of a message (``ParsedMail.classification_text``; never the
quoted history) and runs the trained topic model shipped in ``classifiers/model`` (a spaCy
pipeline with strong-term rules and per-topic thresholds, see ``classifiers.topic_model``).
Every prediction carries its evidence. The model is passed in (the runtime's, see
``casework.runtime.TopicModelSource``); pure."""

from __future__ import annotations

from dataclasses import replace

from classifiers.predictions import TopicPrediction
from classifiers.topic_model import TopicModel
from intake.parsed import ParsedMail


def classify(parsed: ParsedMail, model: TopicModel) -> TopicPrediction:
    """Topics (none, one or several) of a message with scores, evidence and the urgent flag.

    Automatic mail (out-of-office replies, bounces, newsletters: ``parsed.auto_reply``) is nobody's
    question: it keeps its scores and evidence but gets no topic and no urgent flag."""
    prediction = model.classify_text(parsed.classification_text)
    if parsed.auto_reply:
        return replace(prediction, topics=(), urgent=False, urgent_evidence=())
    return prediction
