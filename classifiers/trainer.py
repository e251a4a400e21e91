"""Training the topic model from the corpus in the repository (``eingang train``).

Reads ``classifiers/training/config.cfg`` and the train/dev JSONL splits, trains the spaCy pipeline
with a fixed seed, keeps the epoch with the best dev macro-F1, then tunes on the dev split the
strong-term boost, one threshold per topic and the urgent threshold (recall 1.0 on dev), and writes
a model directory that ``TopicModel.load`` reads."""

from __future__ import annotations

import dataclasses
import logging
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

import spacy
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, load_config, load_model_from_config, minibatch, registry

from classifiers.corpus import CORPUS_DIR, URGENT, Example, read_jsonl, split_path
from classifiers.evaluation import topic_scores
from classifiers.features import set_training
from classifiers.predictions import TOPICS
from classifiers.topic_model import TEXTCAT, ModelSettings, RawScores, TopicModel

if TYPE_CHECKING:
    from spacy.pipeline import TextCategorizer

log = logging.getLogger(__name__)

CONFIG_PATH = CORPUS_DIR / "config.cfg"
LABELS = (*TOPICS, URGENT)
THRESHOLD_GRID = tuple(round(0.05 * i, 2) for i in range(2, 19))


@dataclass(frozen=True)
class TrainingResult:
    output: Path
    train_examples: int
    dev_examples: int
    corrections: int
    best_epoch: int
    dev_metrics: dict
    test_metrics: dict | None
    seconds: float


def _labels_of(example: Example, labels: Sequence[str]) -> dict[str, float]:
    """Gold values of the labels the example knows; a label it lacks stays missing (not learned)."""
    return {label: 1.0 if example.cats[label] >= 0.5 else 0.0 for label in labels if label in example.cats}


def _gold_topics(examples: Sequence[Example]) -> list[frozenset[str]]:
    return [e.labels(TOPICS) for e in examples]


def tune(
    model: TopicModel, raws: Sequence[RawScores], examples: Sequence[Example], config: dict
) -> tuple[ModelSettings, dict]:
    """Pick the strong-term boost, per-topic thresholds and urgent thresholds on the dev split."""
    gold = _gold_topics(examples)
    band = tuple(float(x) for x in config.get("topic_threshold_band", (0.0, 1.0)))
    best: tuple[float, ModelSettings] | None = None
    for boost in config.get("strong_term_boosts", [0.0]):
        thresholds: dict[str, float] = {}
        for topic in TOPICS:
            draft = ModelSettings(LABELS, dict.fromkeys(LABELS, 0.5), float(boost), 1.0)
            scores = [s.score_of(topic) for s in (model.decide(r, draft, evidence=False) for r in raws)]
            truth = [topic in g for g in gold]

            def f1_at(threshold: float, scores=scores, truth=truth) -> float:
                tp = sum(1 for s, t in zip(scores, truth, strict=True) if s >= threshold and t)
                fp = sum(1 for s, t in zip(scores, truth, strict=True) if s >= threshold and not t)
                fn = sum(1 for s, t in zip(scores, truth, strict=True) if s < threshold and t)
                return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

            # best F1 within the configured band (the dev split is generated: extreme thresholds fit its
            # calibration, not real mail); ties go to the threshold closest to 0.5
            grid = [t for t in THRESHOLD_GRID if band[0] <= t <= band[1]] or list(THRESHOLD_GRID)
            thresholds[topic] = max(grid, key=lambda t: (round(f1_at(t), 4), -abs(t - 0.5)))
        settings = ModelSettings(LABELS, {**thresholds, URGENT: 1.0}, float(boost), 1.0)
        predicted = [model.decide(r, settings, evidence=False).topics for r in raws]
        macro = topic_scores(gold, predicted)["macro_f1"]
        if best is None or macro > best[0]:
            best = (macro, settings)
    assert best is not None
    settings = best[1]
    # Urgent: the model threshold with the best dev F1; below it, an urgent term (rules) raises the flag
    # when the model gives at least a small probability. Then the urgent-rule threshold is lowered until
    # dev recall is 1.0 (never below the configured floor).
    urgent_gold = [e.cats.get(URGENT, 0.0) >= 0.5 for e in examples]
    floor = float(config.get("urgent_rule_floor", 0.01))
    best_urgent: tuple[tuple[float, float], ModelSettings] | None = None
    for threshold in THRESHOLD_GRID:
        for rule_threshold in (threshold, threshold / 2, threshold / 4, threshold / 8, floor):
            candidate = ModelSettings(
                LABELS,
                {**settings.thresholds, URGENT: threshold},
                settings.strong_term_boost,
                max(rule_threshold, floor),
            )
            flags = [model.decide(r, candidate, evidence=False).urgent for r in raws]
            tp = sum(1 for f, g in zip(flags, urgent_gold, strict=True) if f and g)
            fp = sum(1 for f, g in zip(flags, urgent_gold, strict=True) if f and not g)
            fn = sum(1 for f, g in zip(flags, urgent_gold, strict=True) if g and not f)
            key = (-fn, 2 * tp / (2 * tp + fp + fn) if tp else 0.0)  # recall first, then F1
            if best_urgent is None or key > best_urgent[0]:
                best_urgent = (key, candidate)
    assert best_urgent is not None
    settings = best_urgent[1]
    return settings, evaluate_raw(model, raws, examples, settings)


def fit_platt(scores: Sequence[float], truth: Sequence[bool], *, iterations: int = 50) -> tuple[float, float]:
    """Platt scaling: (a, b) of sigmoid(a * logit(score) + b) by Newton's method on the log-loss,
    with a weak prior (one pseudo-example of each class) so that separable data stays finite."""
    xs = [math.log(min(max(s, 1e-4), 1 - 1e-4) / (1 - min(max(s, 1e-4), 1 - 1e-4))) for s in scores]
    positives = sum(truth)
    # Platt's smoothed targets
    hi, lo = (positives + 1) / (positives + 2), 1 / (len(truth) - positives + 2)
    ys = [hi if t else lo for t in truth]
    a, b = 1.0, 0.0
    for _ in range(iterations):
        ga = gb = haa = hab = hbb = 0.0
        for x, y in zip(xs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-min(max(a * x + b, -35.0), 35.0)))
            d, w = p - y, max(p * (1 - p), 1e-9)
            ga, gb = ga + d * x, gb + d
            haa, hab, hbb = haa + w * x * x, hab + w * x, hbb + w
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        step_a, step_b = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        a, b = a - step_a, b - step_b
        if abs(step_a) + abs(step_b) < 1e-6:
            break
    if not (math.isfinite(a) and math.isfinite(b)) or not 0.0 < a < 20.0 or abs(b) > 20.0:
        return 1.0, 0.0  # degenerate dev split (tiny or separable): keep the scores as they are
    return a, b


def calibrate(model: TopicModel, raws: Sequence[RawScores], examples: Sequence[Example], settings) -> ModelSettings:
    """Fit one Platt scaling per topic on the combined scores of the dev split."""
    gold = _gold_topics(examples)
    predictions = [model.decide(r, settings, evidence=False) for r in raws]
    calibration = {
        topic: fit_platt([p.score_of(topic) for p in predictions], [topic in g for g in gold]) for topic in TOPICS
    }
    return dataclasses.replace(settings, calibration=calibration)


def log_loss(raws: Sequence[RawScores], examples: Sequence[Example]) -> float:
    """Mean binary cross-entropy over the labels each example knows."""
    total, count = 0.0, 0
    for raw, example in zip(raws, examples, strict=True):
        for label, gold in _labels_of(example, LABELS).items():
            probability = min(max(raw.probabilities.get(label, 0.0), 1e-6), 1 - 1e-6)
            total -= math.log(probability) if gold else math.log(1 - probability)
            count += 1
    return total / max(count, 1)


def evaluate_raw(model: TopicModel, raws: Sequence[RawScores], examples: Sequence[Example], settings) -> dict:
    predictions = [model.decide(r, settings, evidence=False) for r in raws]
    report = topic_scores(_gold_topics(examples), [p.topics for p in predictions])
    urgent_gold = [e.cats.get(URGENT, 0.0) >= 0.5 for e in examples]
    tp = sum(1 for p, g in zip(predictions, urgent_gold, strict=True) if p.urgent and g)
    report["urgent_recall"] = round(tp / sum(urgent_gold), 4) if any(urgent_gold) else 1.0
    report["urgent_precision"] = round(tp / max(1, sum(p.urgent for p in predictions)), 4)
    return report


def train(
    output: Path | str,
    *,
    corpus_dir: Path | str = CORPUS_DIR,
    config_path: Path | str = CONFIG_PATH,
    extra_examples: Sequence[Example] = (),
    max_epochs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrainingResult:
    """Train, tune on dev and save a model directory; deterministic for a given corpus and config."""
    started = time.perf_counter()
    say = progress or log.info
    config = load_config(Path(config_path), interpolate=True)
    training = config["training"]
    seed = int(training["seed"])
    fix_random_seed(seed)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    textcat = cast("TextCategorizer", nlp.get_pipe(TEXTCAT))
    for label in LABELS:
        textcat.add_label(label)
    train_examples = read_jsonl(split_path("train", corpus_dir)) + list(extra_examples)
    dev_examples = read_jsonl(split_path("dev", corpus_dir))
    if not train_examples or not dev_examples:
        raise ValueError("train und dev dürfen nicht leer sein")

    optimizer = registry.resolve({"optimizer": training["optimizer"]})["optimizer"]

    def sample() -> list[SpacyExample]:
        return [
            SpacyExample.from_dict(nlp.make_doc(e.text), {"cats": _labels_of(e, LABELS)}) for e in train_examples[:50]
        ]

    nlp.initialize(sample, sgd=optimizer)
    preprocess = [name for name in nlp.pipe_names if name != TEXTCAT]

    def prepared(examples: Sequence[Example]) -> list[SpacyExample]:
        docs = nlp.pipe((e.text for e in examples), disable=[TEXTCAT])
        pairs = zip(docs, examples, strict=True)
        return [SpacyExample.from_dict(doc, {"cats": _labels_of(e, LABELS)}) for doc, e in pairs]

    train_set = prepared(train_examples)
    rng = random.Random(seed)
    epochs = max_epochs or int(training["max_epochs"])
    min_epochs = min(int(training.get("min_epochs", 1)), epochs)
    best_loss, best_epoch, best_weights = math.inf, 0, textcat.model.to_bytes()
    model = TopicModel(nlp, ModelSettings(LABELS, dict.fromkeys(LABELS, 0.5), 0.0, 1.0))
    for epoch in range(1, epochs + 1):
        rng.shuffle(train_set)
        losses: dict[str, float] = {}
        set_training(textcat.model, True)
        for batch in minibatch(train_set, size=int(training["batch_size"])):
            nlp.update(batch, drop=float(training["dropout"]), sgd=optimizer, losses=losses, exclude=preprocess)
        set_training(textcat.model, False)
        with textcat.model.use_params(optimizer.averages):
            raws = [model.raw_scores(e.text) for e in dev_examples]
            macro = evaluate_raw(model, raws, dev_examples, model.settings)["macro_f1"]
            # the epoch is chosen by dev log-loss: it rewards calibrated scores (thresholds are tuned
            # afterwards), where F1 at 0.5 would often pick an under-trained first epoch
            dev_loss = log_loss(raws, dev_examples)
            if dev_loss < best_loss or epoch <= min_epochs:
                best_loss, best_epoch, best_weights = dev_loss, epoch, textcat.model.to_bytes()
        say(
            f"Epoche {epoch}: Verlust {losses.get(TEXTCAT, 0.0):.3f}, Dev-Log-Loss {dev_loss:.4f}, "
            f"Dev-Makro-F1 bei 0,5 {macro:.3f}"
        )
        if epoch - best_epoch >= int(training["patience"]):
            break
    textcat.model.from_bytes(best_weights)
    raws = [model.raw_scores(e.text) for e in dev_examples]
    settings, dev_metrics = tune(model, raws, dev_examples, dict(config.get("eingang", {})))
    settings = calibrate(model, raws, dev_examples, settings)
    model.settings = settings
    test_path = split_path("test", corpus_dir)
    test_metrics = None
    if test_path.is_file():
        test_examples = read_jsonl(test_path)
        test_raws = [model.raw_scores(e.text) for e in test_examples]
        test_metrics = evaluate_raw(model, test_raws, test_examples, settings)
    model.meta = {
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": seed,
        "spacy_version": spacy.__version__,
        "train_examples": len(train_examples),
        "corrections": len(extra_examples),
        "dev_examples": len(dev_examples),
        "best_epoch": best_epoch,
        "dev_metrics": dev_metrics,
        "test_metrics": test_metrics,
    }
    output = Path(output)
    model.save(output)
    return TrainingResult(
        output,
        len(train_examples),
        len(dev_examples),
        len(extra_examples),
        best_epoch,
        dev_metrics,
        test_metrics,
        round(time.perf_counter() - started, 1),
    )
