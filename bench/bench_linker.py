"""Linker benchmark: links per second on one core over the labelled linking mails.

The mails are parsed once beforehand (parsing is measured elsewhere); then ``link`` runs over
them repeatedly in this one process. Also prints the one-off cost of building the gazetteer
indexes, which happens once per process and gazetteer version.

    .venv/bin/python bench/bench_linker.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from classifiers.evaluation import load_labelled_dir
from classifiers.gazetteer import load_gazetteer
from classifiers.linker import link
from classifiers.linking_index import linking_index
from intake.parsing import parse

EVAL_DIR = Path(__file__).parents[1] / "tests" / "data" / "linking_eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="How long to keep linking.")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    started = time.perf_counter()
    gazetteer = load_gazetteer()
    loaded = time.perf_counter()
    linking_index(gazetteer)
    indexed = time.perf_counter()
    mails = [parse(m.raw) for m in load_labelled_dir(EVAL_DIR)]
    for parsed in mails:  # warm-up
        link(parsed, gazetteer=gazetteer)

    links = 0
    cpu_begin = time.process_time()
    begin = time.perf_counter()
    while time.perf_counter() - begin < args.seconds:
        for parsed in mails:
            link(parsed, gazetteer=gazetteer)
        links += len(mails)
    elapsed = time.perf_counter() - begin
    cpu = time.process_time() - cpu_begin
    print(f"gazetteer load: {(loaded - started) * 1000:.0f} ms, index build: {(indexed - loaded) * 1000:.0f} ms")
    print(f"{links} links over {len(mails)} distinct mails in {elapsed:.2f} s on one core")
    print(f"links per second: {links / elapsed:,.0f} wall clock (lower when the machine is busy)")
    print(f"links per CPU-second: {links / cpu:,.0f} (CPU {cpu:.2f} s)")


if __name__ == "__main__":
    main()
