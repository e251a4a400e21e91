"""Consultants' topic corrections as labelled training examples (``eingang train --include-corrections``).

A ``models.TopicCorrection`` row holds the text that was classified and the topics a consultant
set. The urgent flag is not part of a correction, so it stays *missing* in the example (spaCy's
multi-label text classifier does not learn from missing labels) instead of being taught as "not
urgent"."""

from __future__ import annotations

from sqlmodel import Session, col, select

from classifiers.corpus import Example
from classifiers.predictions import TOPICS
from models import TopicCorrection


def correction_examples(session: Session, *, labels: tuple[str, ...] = TOPICS) -> list[Example]:
    """One example per corrected text; when a text was corrected several times, the latest wins."""
    rows = session.exec(
        select(TopicCorrection).order_by(col(TopicCorrection.created_at), col(TopicCorrection.id))
    ).all()
    latest: dict[str, list[str]] = {}
    for row in rows:
        text = (row.text or "").strip()
        if text:
            latest[text] = list(row.corrected or [])
    unknown = {topic for corrected in latest.values() for topic in corrected if topic not in labels}
    if unknown:
        raise ValueError(f"Korrekturen enthalten unbekannte Themen: {', '.join(sorted(unknown))}")
    return [
        Example(text, {label: 1.0 if label in corrected else 0.0 for label in labels})
        for text, corrected in latest.items()
    ]
