"""Topics of an inbox row as the page and the API show them (pure, no database needed)."""

from __future__ import annotations


def test_inbox_row_shows_a_marked_best_guess_only_when_no_topic_passed_the_threshold():
    from classifiers.taxonomy import get_taxonomy
    from models import Consultation
    from models.public import TopicPublic, topics_public

    labels = get_taxonomy().labels
    guesses = [{"topic": "eligibility", "score": 0.31, "evidence": []}, {"topic": "it_security", "score": 0.05}]
    unsure = Consultation(reference="KV-2026-00001", channel="smtp", topics=[], suggested_topics=guesses)
    topics, best_guess = topics_public(unsure, labels)
    assert topics == [] and best_guess == TopicPublic(id="eligibility", label=labels["eligibility"], confidence=0.31)
    noise = Consultation(reference="KV-2026-00002", channel="smtp", topics=[], suggested_topics=guesses[1:])
    assert topics_public(noise, labels)[1] is None
    sure = Consultation(reference="KV-2026-00003", channel="smtp", topics=["eligibility"], suggested_topics=guesses)
    topics, best_guess = topics_public(sure, labels)
    assert best_guess is None and topics[0].confidence == 0.31
