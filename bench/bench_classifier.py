"""Benchmark of the topic classifier: model load time, memory (RSS) and throughput on one core.

Run: ``.venv/bin/python bench/bench_classifier.py [--seconds 10]``. Classifies parsed mails from
``tests/data/evaluation`` and texts of the test split in a loop, one message at a time through
``classifiers.topics.classify`` (evidence included), exactly as the worker does."""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core

import argparse  # noqa: E402
import contextlib  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), falling back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to classify")
    args = parser.parse_args()
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from classifiers.corpus import read_jsonl
    from intake.parsed import ParsedMail
    from intake.parsing import parse

    started = time.perf_counter()
    from classifiers.topic_model import PACKAGED_MODEL, TopicModel
    from classifiers.topics import classify

    import_seconds = time.perf_counter() - started
    before = rss_mb()
    started = time.perf_counter()
    model = TopicModel.load(PACKAGED_MODEL)
    load_seconds = time.perf_counter() - started
    after_load = rss_mb()

    mails = [parse(path.read_bytes()) for path in sorted((ROOT / "tests/data/evaluation").glob("*.eml"))]
    template = mails[0]
    for example in read_jsonl(ROOT / "classifiers/training/test.jsonl"):
        subject, _, body = example.text.partition("\n\n")
        mails.append(replace(template, subject=subject, new_text=body, auto_reply=False))
    mails = [m for m in mails if isinstance(m, ParsedMail)]
    chars = sum(len(m.classification_text) for m in mails) / len(mails)

    for mail in mails[:50]:  # warm caches
        classify(mail, model)
    count = 0
    cpu_started = time.process_time()
    started = time.perf_counter()
    deadline = started + args.seconds
    while time.perf_counter() < deadline:
        for mail in mails:
            classify(mail, model)
        count += len(mails)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    print(f"model: {PACKAGED_MODEL}")
    print(f"import time: {import_seconds:.2f} s (spaCy, thinc, numpy)")
    print(f"load time: {load_seconds:.2f} s (pipeline, lemma lookup table, matcher)")
    print(f"memory: RSS {before:.0f} MB after imports, {after_load:.0f} MB after loading the model ", end="")
    print(f"(+{after_load - before:.0f} MB), {rss_mb():.0f} MB after the run")
    print(f"messages: {len(mails)} distinct, {chars:.0f} characters on average (subject + new text)")
    print(f"throughput: {count / cpu:.0f} messages per CPU-second on one core ({count} messages, CPU {cpu:.1f} s)")
    print(f"            {count / elapsed:.0f} messages/s wall clock ({elapsed:.1f} s; lower when the machine is busy)")
    print(f"latency: {1000 * cpu / count:.2f} ms CPU per message")


if __name__ == "__main__":
    main()
