"""Training smoke test on a tiny corpus: the whole train → save → load → classify path, fixed seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers.corpus import Example, read_jsonl, write_jsonl
from classifiers.topic_model import TopicModel
from classifiers.trainer import train

TINY = [
    ("Frage OZG\n\nWelche Leistungen müssen wir nach dem OZG online anbieten?", ["ozg_duties"]),
    ("ThAVEL\n\nWie bekommen wir einen Zugang zu ThAVEL für das Antragsportal?", ["ozg_duties"]),
    ("BundID\n\nBürger können sich mit der BundID nicht am Servicekonto anmelden.", ["ozg_duties"]),
    ("Förderung\n\nIst ein DMS nach der ThürEGovRL förderfähig? Wie hoch ist der Eigenanteil?", ["eligibility"]),
    ("Verwendungsnachweis\n\nBis wann ist der Verwendungsnachweis für die E-Akte-Förderung fällig?", ["eligibility"]),
    ("Antrag\n\nWie ist der Stand unseres Förderantrags nach der E-Government-Richtlinie?", ["eligibility"]),
    ("ISMS\n\nWir wollen ein ISMS nach BSI IT-Grundschutz aufbauen.", ["it_security"]),
    ("ISB\n\nMuss jede Gemeinde einen Informationssicherheitsbeauftragten benennen?", ["it_security"]),
    ("Phishing\n\nGibt es Schulungen zur Informationssicherheit gegen Phishing?", ["it_security"]),
    ("Notfall\n\nAlle Dateien auf dem Server sind verschlüsselt, Lösegeldforderung!", ["it_security", "urgent"]),
    ("Gehackt\n\nDas Postfach des Bürgermeisters wurde gehackt und verschickt Spam.", ["it_security", "urgent"]),
    ("Verkehrssicherheit\n\nDie Verkehrssicherheit am Schulweg ist schlecht.", []),
    ("Sportplatz\n\nGibt es Fördermittel für den Sportplatz?", []),
    ("Abwesend\n\nIch bin bis Montag nicht im Büro.", []),
    ("Danke\n\nVielen Dank für die Antwort.", []),
    ("Einladung\n\nWir laden Sie zum Neujahrsempfang ein.", []),
]


def _examples(items) -> list[Example]:
    labels = ("ozg_duties", "eligibility", "it_security", "urgent")
    return [Example(text, {label: 1.0 if label in topics else 0.0 for label in labels}) for text, topics in items]


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_jsonl(corpus / "train.jsonl", _examples(TINY * 2))
    write_jsonl(corpus / "dev.jsonl", _examples(TINY))
    write_jsonl(corpus / "test.jsonl", _examples(TINY[:6]))
    return corpus


def test_training_on_a_tiny_corpus_produces_a_loadable_model(tiny_corpus: Path, tmp_path: Path) -> None:
    result = train(tmp_path / "model", corpus_dir=tiny_corpus, max_epochs=4)
    assert result.train_examples == len(TINY) * 2
    assert result.test_metrics is not None
    meta = json.loads((tmp_path / "model" / "eingang_model.json").read_text(encoding="utf-8"))
    assert set(meta["thresholds"]) == {"ozg_duties", "eligibility", "it_security", "urgent"}
    assert meta["seed"] == 4711
    # the lemma tables are not copied into the artifact (they come from spacy-lookups-data)
    assert not (tmp_path / "model" / "pipeline" / "lemmatizer").exists()

    model = TopicModel.load(tmp_path / "model")
    prediction = model.classify_text("Frage OZG\n\nWelche Leistungen müssen wir nach dem OZG online anbieten?")
    assert "ozg_duties" in prediction.topics
    assert prediction.scores[0].evidence  # evidence even from a tiny model


def test_training_is_deterministic(tiny_corpus: Path, tmp_path: Path) -> None:
    first = train(tmp_path / "a", corpus_dir=tiny_corpus, max_epochs=2)
    second = train(tmp_path / "b", corpus_dir=tiny_corpus, max_epochs=2)
    assert first.dev_metrics == second.dev_metrics
    a, b = TopicModel.load(tmp_path / "a"), TopicModel.load(tmp_path / "b")
    text = "Förderung\n\nIst das Ratsinformationssystem förderfähig?"
    assert a.raw_scores(text).probabilities == b.raw_scores(text).probabilities


def test_shipped_corpus_is_large_enough_and_well_formed() -> None:
    from classifiers.corpus import CORPUS_DIR

    train_split = read_jsonl(CORPUS_DIR / "train.jsonl")
    dev_split = read_jsonl(CORPUS_DIR / "dev.jsonl")
    test_split = read_jsonl(CORPUS_DIR / "test.jsonl")
    assert len(train_split) >= 600 and len(dev_split) >= 100 and len(test_split) >= 100
    texts = [e.text for e in train_split]
    assert len(set(texts)) == len(texts)  # deduplicated
    assert not set(texts) & {e.text for e in dev_split + test_split}
    for split in (train_split, dev_split, test_split):
        negatives = sum(1 for e in split if not any(e.cats[t] for t in ("ozg_duties", "eligibility", "it_security")))
        multi = sum(1 for e in split if sum(e.cats[t] for t in ("ozg_duties", "eligibility", "it_security")) > 1)
        assert negatives >= len(split) * 0.2 and multi >= 10


def test_broken_corpus_line_is_reported_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "train.jsonl"
    path.write_text('{"text": "a", "cats": {"ozg_duties": 1}}\n{"text": "b"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"train\.jsonl:2"):
        read_jsonl(path)
