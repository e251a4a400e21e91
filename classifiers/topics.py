"""Topic classification: ``classify(ParsedMail) -> TopicPrediction``.

Reads the subject and the new text of a message (``ParsedMail.classification_text``; never the
quoted history; the subject is left out when the text says it turns to another matter, and a short
forward that only asks about the forwarded mail is read together with that mail) and runs the
trained topic model shipped in ``classifiers/model`` (a spaCy pipeline with strong-term rules and
per-topic thresholds, see ``classifiers.topic_model``).
Every prediction carries its evidence. The model is passed in (the runtime's, see
``casework.runtime.TopicModelSource``); pure."""

from __future__ import annotations

from dataclasses import replace

from classifiers.incident_time import read_incident_time
from classifiers.predictions import TopicPrediction
from classifiers.request_cues import new_matter_text, new_subject_matter, refers_to_forwarded
from classifiers.topic_model import TopicModel
from intake.parsed import ParsedMail


def classify(parsed: ParsedMail, model: TopicModel) -> TopicPrediction:
    """Topics (none, one or several) of a message with scores, evidence and the urgent flag.

    Automatic mail (out-of-office replies, bounces, newsletters: ``parsed.auto_reply``) is nobody's
    question: it keeps its scores and evidence but gets no topic and no urgent flag."""
    text = parsed.classification_text
    if new_subject_matter(parsed.subject, parsed.new_text):
        # "AW: OZG-Leistungen" over "ganz anderes Thema: …": the subject is the old thread's
        text = new_matter_text(parsed.new_text).strip() or text
    prediction = model.classify_text(text)
    if not parsed.auto_reply and refers_to_forwarded(parsed.new_text, parsed.original_text):
        # a short forward ("Können Sie mir bei der Beantwortung helfen?") asks about the forwarded mail;
        # "das passiert gerade bei uns" over a colleague's alarm tells that incident as happening now
        now = bool(read_incident_time(parsed.new_text).ongoing)
        if not prediction.topics or (now and not prediction.urgent):
            combined = model.classify_text(f"{text}\n\n{parsed.original_text.strip()}")
            if combined.topics and (not prediction.topics or combined.urgent):
                prediction = combined
    if parsed.auto_reply:
        return replace(prediction, topics=(), urgent=False, urgent_evidence=())
    return prediction
