"""Measuring the real pipeline on a labelled directory of raw mails.

A directory holds raw ``*.eml`` files and a ``labels.jsonl`` with one line per file::

    {"file": "x.eml", "topics": ["eligibility"], "authority": "16053000", "auto_reply": false, "urgent": false}

Each mail goes through ``intake.parsing.parse``, the topic classifier and the authority linker
(without the database: no known senders), and the answers are compared with the labels.

Metric definitions (also in the README):

- topics: per label precision / recall / F1 over mails (multi-label); ``macro_f1`` is the mean F1
  over the taxonomy's labels. A label with neither gold nor predicted mails counts F1 = 1.
- authority: ``accuracy`` over mails whose gold authority is not null (the predicted key must be
  equal); ``wrong_rate`` over all mails: a key was predicted and it differs from the gold one
  (including gold null); ``abstain_rate`` over mails with a gold authority where none was predicted.
- auto_reply / urgent: precision and recall of the boolean flag.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from classifiers.predictions import TOPICS, AuthorityMatch, TopicPrediction
from intake.parsed import ParsedMail
from intake.parsing import parse

LABELS_FILE = "labels.jsonl"


class EvaluationDataError(ValueError):
    """The evaluation directory or its labels file is malformed."""


@dataclass(frozen=True)
class LabelledMail:
    file: str
    raw: bytes
    topics: frozenset[str]
    authority: str | None
    auto_reply: bool
    urgent: bool


@dataclass
class MailOutcome:
    """What the pipeline said about one labelled mail (kept for error analysis)."""

    mail: LabelledMail
    parsed: ParsedMail
    prediction: TopicPrediction
    authority: str | None
    extra_topics: dict[str, frozenset[str]] = field(default_factory=dict)


def load_labelled_dir(directory: Path | str) -> list[LabelledMail]:
    """Read ``labels.jsonl`` and the raw mails it names; raise EvaluationDataError when broken."""
    directory = Path(directory)
    labels_path = directory / LABELS_FILE
    if not labels_path.is_file():
        raise EvaluationDataError(f"{labels_path} fehlt")
    mails = []
    seen: set[str] = set()
    for number, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            name = str(item["file"])
            topics = frozenset(str(t) for t in item.get("topics") or [])
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise EvaluationDataError(f"{labels_path}:{number}: {error}") from error
        if name in seen:
            raise EvaluationDataError(f"{labels_path}:{number}: {name} doppelt")
        seen.add(name)
        path = directory / name
        if not path.is_file():
            raise EvaluationDataError(f"{labels_path}:{number}: Datei {name} fehlt")
        authority = item.get("authority")
        mails.append(
            LabelledMail(
                file=name,
                raw=path.read_bytes(),
                topics=topics,
                authority=str(authority) if authority else None,
                auto_reply=bool(item.get("auto_reply", False)),
                urgent=bool(item.get("urgent", False)),
            )
        )
    if not mails:
        raise EvaluationDataError(f"{labels_path} enthält keine Einträge")
    return mails


def _ratio(numerator: int, denominator: int, empty: float) -> float:
    return numerator / denominator if denominator else empty


def binary_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> dict[str, float | int]:
    """Precision, recall and F1 of one boolean decision; empty sets count as perfect."""
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g and not p)
    precision = _ratio(tp, tp + fp, 1.0)
    recall = _ratio(tp, tp + fn, 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "support": tp + fn,
        "predicted": tp + fp,
    }


def topic_scores(
    gold: Sequence[frozenset[str]], predicted: Sequence[Iterable[str]], labels: Sequence[str] = TOPICS
) -> dict:
    """Multi-label scores: ``{"macro_f1", "per_label": {label: {precision, recall, f1, support}}}``."""
    predicted_sets = [frozenset(p) for p in predicted]
    per_label = {}
    for label in labels:
        scores = binary_scores([label in g for g in gold], [label in p for p in predicted_sets])
        per_label[label] = scores
    macro = sum(s["f1"] for s in per_label.values()) / len(per_label) if per_label else 0.0
    exact = _ratio(sum(1 for g, p in zip(gold, predicted_sets, strict=True) if g == p), len(gold), 0.0)
    return {"macro_f1": round(macro, 4), "exact_match": round(exact, 4), "per_label": per_label}


def authority_scores(gold: Sequence[str | None], predicted: Sequence[str | None]) -> dict[str, float | int]:
    with_gold = [(g, p) for g, p in zip(gold, predicted, strict=True) if g is not None]
    correct = sum(1 for g, p in with_gold if p == g)
    wrong = sum(1 for g, p in zip(gold, predicted, strict=True) if p is not None and p != g)
    abstained = sum(1 for _g, p in with_gold if p is None)
    return {
        "accuracy": round(_ratio(correct, len(with_gold), 0.0), 4),
        "wrong_rate": round(_ratio(wrong, len(gold), 0.0), 4),
        "abstain_rate": round(_ratio(abstained, len(with_gold), 0.0), 4),
        "support": len(with_gold),
    }


def run_pipeline(
    mails: Sequence[LabelledMail],
    *,
    classify: Callable[[ParsedMail], TopicPrediction],
    link: Callable[[ParsedMail], AuthorityMatch],
) -> list[MailOutcome]:
    outcomes = []
    for mail in mails:
        parsed = parse(mail.raw)
        prediction = classify(parsed)
        match = link(parsed)
        outcomes.append(MailOutcome(mail, parsed, prediction, match.match.key if match.match else None))
    return outcomes


def summarise(outcomes: Sequence[MailOutcome], labels: Sequence[str] = TOPICS) -> dict:
    """The metrics JSON of one pipeline run."""
    gold_topics = [o.mail.topics for o in outcomes]
    return {
        "n": len(outcomes),
        "topics": topic_scores(gold_topics, [o.prediction.topics for o in outcomes], labels),
        "authority": authority_scores([o.mail.authority for o in outcomes], [o.authority for o in outcomes]),
        "auto_reply": binary_scores([o.mail.auto_reply for o in outcomes], [o.parsed.auto_reply for o in outcomes]),
        "urgent": binary_scores([o.mail.urgent for o in outcomes], [o.prediction.urgent for o in outcomes]),
    }


def errors(outcomes: Sequence[MailOutcome]) -> list[dict]:
    """Mails where topics or the urgent flag were wrong (file names and labels only, no bodies)."""
    wrong = []
    for outcome in outcomes:
        predicted = frozenset(outcome.prediction.topics)
        if predicted != outcome.mail.topics or outcome.prediction.urgent != outcome.mail.urgent:
            wrong.append(
                {
                    "file": outcome.mail.file,
                    "gold": sorted(outcome.mail.topics),
                    "predicted": sorted(predicted),
                    "gold_urgent": outcome.mail.urgent,
                    "predicted_urgent": outcome.prediction.urgent,
                    "scores": {s.topic: round(s.score, 3) for s in outcome.prediction.scores},
                }
            )
    return wrong
