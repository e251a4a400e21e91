"""Reliability of the confidences (developer tool): how often a suggestion with a given confidence is
right, for the topic model (per mail and topic: calibrated confidence vs. the gold label) and for the
linker (per suggested link: confidence vs. the gold authority), and the linker's threshold sweep.

Run from the repository root: ``python -m tools.corpus.reliability [--model DIR]``. Uses the generated
test split (held out from the calibration fit on dev) and the labelled mail directories in tests/data
(not the blind set). Prints Markdown tables for the README."""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from classifiers.corpus import read_jsonl, split_path  # noqa: E402
from classifiers.evaluation import load_labelled_dir  # noqa: E402
from classifiers.linker import link  # noqa: E402
from classifiers.predictions import TOPICS  # noqa: E402
from classifiers.topic_model import PACKAGED_MODEL, TopicModel  # noqa: E402
from classifiers.topics import classify  # noqa: E402
from intake.parsing import parse  # noqa: E402

# blind_2026 was opened after the v7 figures (issue 15, second round): it is a development set now.
# tests/data/blind_2026b (the new blind set) is never read here.
MAIL_SETS = (
    "evaluation",
    "evaluation_probe",
    "linking_eval",
    "linking_probe",
    "judgement_probe",
    "judgement_probe2",
    "blind_2026",
)
BINS = (0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001)


def _table(pairs: list[tuple[float, bool]], title: str) -> str:
    lines = [f"| {title} | n | mean confidence | share right |", "|---|---|---|---|"]
    for low, high in itertools.pairwise(BINS):
        inside = [(c, r) for c, r in pairs if low <= c < high]
        if inside:
            mean = sum(c for c, _ in inside) / len(inside)
            right = sum(r for _, r in inside) / len(inside)
            lines.append(f"| {low:.1f}–{min(high, 1.0):.1f} | {len(inside)} | {mean:.2f} | {right:.2f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=PACKAGED_MODEL)
    args = parser.parse_args()
    model = TopicModel.load(args.model)
    split_pairs: list[tuple[float, bool]] = []
    for example in read_jsonl(split_path("test")):
        prediction = model.classify_text(example.text)
        for score in prediction.scores:
            split_pairs.append((score.probability, example.cats.get(score.topic, 0.0) >= 0.5))
    mail_pairs: list[tuple[float, bool]] = []
    mail_link_pairs: list[tuple[float, bool]] = []
    link_rows: list[tuple[float, str | None, str | None]] = []
    for name in MAIL_SETS:
        for mail in load_labelled_dir(ROOT / "tests" / "data" / name):
            parsed = parse(mail.raw)
            prediction = classify(parsed, model)
            for score in prediction.scores:
                if score.topic in TOPICS and not parsed.auto_reply:
                    mail_pairs.append((score.probability, score.topic in mail.topics))
            result = link(parsed)
            top = result.candidates[0] if result.candidates else None
            # the top candidate is what a lower threshold would link (the ambiguity rule aside)
            link_rows.append((top.score if top else 0.0, top.key if top else None, mail.authority))
            if result.match:
                mail_link_pairs.append((result.confidence or 0.0, result.match.key == mail.authority))
    print(_table(split_pairs, "topic confidence, generated test split"))
    print()
    print(_table(mail_pairs, "topic confidence, labelled mails"))
    print()
    print(_table(mail_link_pairs, "link confidence, labelled mails"))
    print()
    n = len(link_rows)
    print("| threshold | linked | wrong links (of all mails) | accuracy (mails with an authority) |")
    print("|---|---|---|---|")
    gold = sum(1 for _, _, g in link_rows if g)
    for threshold in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
        linked = [(k, g) for s, k, g in link_rows if k and s >= threshold]
        wrong = sum(1 for k, g in linked if k != g)
        right = sum(1 for k, g in linked if k == g)
        print(f"| {threshold:.2f} | {len(linked)} | {wrong / n:.1%} | {right / gold:.3f} |")
    print()
    # per score band of the top candidate: the smoothed share right, for LINK_RELIABILITY
    print("| top score | n | right | (right + 1) / (n + 2) |")
    print("|---|---|---|---|")
    for low, high in ((0.95, 1.01), (0.9, 0.95), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7)):
        band = [(k, g) for s, k, g in link_rows if k and low <= s < high]
        right = sum(1 for k, g in band if k == g)
        print(f"| {low:.2f}–{min(high, 1.0):.2f} | {len(band)} | {right} | {(right + 1) / (len(band) + 2):.3f} |")


if __name__ == "__main__":
    main()
