"""Inbox rows as the page and the API show them (pure, no database tables needed)."""

from __future__ import annotations


def test_inbox_row_shows_a_marked_best_guess_only_when_no_topic_passed_the_threshold():
    from sqlmodel import Session, create_engine

    from classifiers.taxonomy import get_taxonomy
    from models import Consultation
    from web.inbox import consultation_row

    taxonomy = get_taxonomy()
    guesses = [{"topic": "eligibility", "score": 0.31, "evidence": []}, {"topic": "it_security", "score": 0.05}]
    with Session(create_engine("sqlite://")) as session:
        unsure = Consultation(reference="KV-2026-00001", channel="smtp", topics=[], suggested_topics=guesses)
        row = consultation_row(session, unsure, taxonomy, {})
        assert row["topics"] == [] and row["best_guess"] == {
            "id": "eligibility",
            "label": taxonomy.label("eligibility"),
            "confidence": 0.31,
        }
        noise = Consultation(reference="KV-2026-00002", channel="smtp", topics=[], suggested_topics=guesses[1:])
        assert consultation_row(session, noise, taxonomy, {})["best_guess"] is None
        sure = Consultation(reference="KV-2026-00003", channel="smtp", topics=["eligibility"], suggested_topics=guesses)
        sure_row = consultation_row(session, sure, taxonomy, {})
        assert sure_row["best_guess"] is None and sure_row["topics"][0]["confidence"] == 0.31
