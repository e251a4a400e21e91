"""Benchmark of the web app: response times of the triage inbox, search, a consultation page,
the dashboard, the API list and an XLSX export with N consultations in the database.

Run: ``.venv/bin/python bench/bench_web.py [--consultations 500] [--repeat 7]``. Builds a SQLite
database in a temp folder, processes N mails with the real pipeline, then requests each page
through the ASGI app (no network) as a logged-in manager and prints median / max in milliseconds."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SUBJECTS = (
    "Förderfähigkeit eines DMS nach ThürEGovRL",
    "OZG: Onlinedienst Wohngeld anbinden",
    "Verdacht auf Phishing im Rathaus",
    "Frage zur E-Akte",
    "Notfallplan und Datensicherung",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--consultations", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from tests.test_web_support import add_user, ingest, login, mail, web_runtime
    from web.app import create_app

    folder = tempfile.mkdtemp(prefix="eingang-bench-web-")
    runtime = web_runtime(f"sqlite:///{folder}/bench.db")
    add_user(runtime, "lea", "leitung")
    started = time.perf_counter()
    references = []
    for number in range(args.consultations):
        subject = SUBJECTS[number % len(SUBJECTS)]
        body = f"Guten Tag,\nwir haben eine Frage ({number}) zum Thema {subject}.\n\nMit freundlichen Grüßen"
        references.append(ingest(runtime, mail(subject=f"{subject} ({number})", body=body)))
    print(f"{args.consultations} mails processed in {time.perf_counter() - started:.1f} s")
    client = TestClient(create_app(runtime))
    login(client, "lea")
    paths = [
        "/eingang",
        "/eingang?q=phishing",
        f"/faelle/{references[len(references) // 2]}",
        "/dashboard",
        f"/api/consultations?limit={min(args.consultations, 200)}",
        "/dashboard/export/themen_monate.xlsx",
    ]
    print(f"{'path':<45} {'median ms':>10} {'max ms':>8}")
    for path in paths:
        timings = []
        for _ in range(args.repeat):
            begin = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        print(f"{path:<45} {statistics.median(timings):>10.0f} {max(timings):>8.0f}")


if __name__ == "__main__":
    main()
