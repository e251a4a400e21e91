"""Topic classification: ``classify(ParsedMail) -> TopicPrediction``.

First version: weighted term rules over lemmatised subject + new text (spaCy blank German
pipeline with lookup lemmas). German compounds are matched by stem, so "Förderantrag" and
"Fördermittelbescheid" both count for funding. Pure: no I/O at prediction time."""

from __future__ import annotations

import math
import re

from classifiers.nlp import base_pipeline
from classifiers.predictions import TOPICS, TopicPrediction, TopicScore
from intake.parsed import ParsedMail

# (stem, weight): a stem matches any lower-cased lemma that contains it.
TERMS: dict[str, tuple[tuple[str, float], ...]] = {
    "ozg_duties": (
        ("onlinezugangsgesetz", 2.0),
        ("ozg", 2.0),
        ("thavel", 2.0),
        ("bundid", 1.5),
        ("servicekonto", 1.5),
        ("efa", 1.0),
        ("einer-für-alle", 1.5),
        ("portalverbund", 1.5),
        ("onlineleistung", 1.2),
        ("online-leistung", 1.2),
        ("onlinedienst", 1.0),
        ("online-formular", 1.0),
        ("onlineformular", 1.0),
        ("antragsportal", 0.8),
        ("digitalisierungspflicht", 1.2),
        ("verwaltungsleistung", 1.0),
        ("leika", 1.0),
    ),
    "eligibility": (
        ("thüregovrl", 2.0),
        ("thuregovrl", 2.0),
        ("thuer-egovrl", 2.0),
        ("e-government-richtlinie", 2.0),
        ("förderrichtlinie", 1.5),
        ("foerderrichtlinie", 1.5),
        ("thürfag", 2.0),
        ("thuerfag", 2.0),
        ("förderantrag", 1.5),
        ("foerderantrag", 1.5),
        ("förderfähig", 1.5),
        ("foerderfaehig", 1.5),
        ("fördermittel", 1.2),
        ("foerdermittel", 1.2),
        ("förderung", 1.0),
        ("foerderung", 1.0),
        ("zuwendung", 1.0),
        ("eigenanteil", 1.2),
        ("verwendungsnachweis", 1.5),
        ("förderquote", 1.2),
        ("bewilligung", 1.0),
        ("antragsfrist", 0.8),
        ("zuschuss", 0.8),
    ),
    "it_security": (
        ("informationssicherheit", 2.0),
        ("it-sicherheit", 2.0),
        ("itsicherheit", 2.0),
        ("grundschutz", 2.0),
        ("isms", 2.0),
        ("bsi", 1.2),
        ("sicherheitsbeauftragte", 1.5),
        ("isb", 1.0),
        ("phishing", 1.5),
        ("ransomware", 2.0),
        ("trojaner", 1.5),
        ("virus", 1.0),
        ("schadsoftware", 1.5),
        ("verschlüsselt", 0.6),
        ("hacker", 1.5),
        ("cyber", 1.5),
        ("sicherheitsvorfall", 2.0),
        ("datenleck", 1.5),
        ("passwort", 0.8),
        ("firewall", 1.2),
        ("penetrationstest", 1.5),
        ("awareness", 1.0),
        ("notfallmanagement", 1.0),
    ),
}
URGENT_TERMS = (
    "ransomware",
    "verschlüsselungstrojaner",
    "erpress",
    "lösegeld",
    "gehackt",
    "kompromittiert",
    "datenleck",
    "datenabfluss",
    "angriff läuft",
    "cyberangriff",
    "cyber-angriff",
    "notfall",
    "alle dateien verschlüsselt",
    "zugangsdaten abgegriffen",
)
THRESHOLD = 0.6


def _lemmas(text: str) -> list[tuple[str, str]]:
    doc = base_pipeline()(text[:20000])
    return [(token.text, (token.lemma_ or token.text).lower()) for token in doc if not token.is_space]


def classify(parsed: ParsedMail) -> TopicPrediction:
    """Score each topic over subject + new text; topics above the threshold are predicted."""
    text = parsed.classification_text
    tokens = _lemmas(text)
    scores = []
    for topic in TOPICS:
        weight = 0.0
        evidence: list[str] = []
        for surface, lemma in tokens:
            best = max((w for stem, w in TERMS[topic] if stem in lemma), default=0.0)
            if best:
                weight += best
                if surface not in evidence:
                    evidence.append(surface)
        scores.append(TopicScore(topic, 1.0 - math.exp(-weight), tuple(evidence[:8])))
    lowered = text.lower()
    urgent_evidence = tuple(term for term in URGENT_TERMS if re.search(re.escape(term), lowered))
    return TopicPrediction(
        scores=tuple(scores),
        topics=tuple(s.topic for s in scores if s.score >= THRESHOLD),
        urgent=bool(urgent_evidence),
        urgent_evidence=urgent_evidence,
    )
