"""Issue 16: the memory of one ``eingang worker`` child (target: RSS < 300 MB).

A worker child is ``python -m queue_workers.dramatiq_main eingang.runtime:worker_process`` after
dramatiq's fork: it imports ``eingang.runtime``, calls ``worker_process`` (which composes the
runtime with ``build_runtime``) and then processes messages. This script does the same in a
fresh child process — imports ``dramatiq.cli`` like the group's parent, then
``eingang.runtime``, composes the runtime from the same settings (PostgreSQL + Redis), and
processes the sample mails in ``tests/data/evaluation/*.eml`` (stored beforehand by another
process, as the receiver would) — and reads ``VmRSS`` from ``/proc/self/status`` after each
step. By default it uses a fresh database on the local PostgreSQL, removed afterwards.

    .venv/bin/python bench/bench_worker_memory.py [--mails 20] [--json]

The last line is one JSON object: ``rss_start_mb`` (interpreter and dramatiq), ``rss_imported_mb``
(after ``import eingang.runtime``), ``rss_composed_mb`` (after ``build_runtime``),
``rss_after_mails_mb`` (after processing the mails: topic model loaded), ``peak_rss_mb``
(``VmHWM``), ``uss_mb`` / ``pss_mb`` (``/proc/self/smaps_rollup`` at the end), and the largest
loaded top-level packages by module count."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "evaluation"
POSTGRES_ADMIN_URL = os.environ.get(
    "EINGANG_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("EINGANG_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _rollup() -> dict[str, float]:
    values: dict[str, float] = {}
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
                values[parts[0][:-1]] = int(parts[1]) / 1024
    except OSError:
        pass
    return values


def _environment(database_url: str, namespace: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("EINGANG_")}
    env.update(
        EINGANG_DATABASE_URL=database_url,
        EINGANG_REDIS_URL=REDIS_URL,
        EINGANG_REDIS_NAMESPACE=namespace,
        PYTHONPATH=str(ROOT),
    )
    return env


def prepare(count: int) -> None:
    """Migrate the database and store ``count`` sample mails as the receiver would."""
    from casework.gazetteers import sync_gazetteer
    from classifiers.gazetteer import packaged_gazetteer
    from eingang.settings import get_settings
    from intake.channel import store_raw
    from models import make_engine, session_scope
    from models.migrate import upgrade_database

    engine = make_engine(get_settings().database_url)
    upgrade_database(engine)
    with session_scope(engine) as session:
        sync_gazetteer(session, packaged_gazetteer())
    samples = sorted(SAMPLES.glob("*.eml"))
    ids = []
    for index in range(count):
        sample = samples[index % len(samples)]
        raw = sample.read_bytes()
        if index >= len(samples):  # a distinct Message-ID for each repetition
            raw = raw.replace(b"Message-ID: <", f"Message-ID: <r{index}-".encode(), 1)
        ids.append(store_raw(engine, raw, channel="smtp")[0])
    engine.dispose()
    print(json.dumps(ids))


def measure(ids: list[int]) -> None:
    """One worker child: what it imports, composes and holds after processing ``ids``."""
    import dramatiq.cli  # noqa: F401  (the group's parent has it before the fork)

    steps = {"rss_start_mb": _status("VmRSS")}
    import eingang.runtime

    steps["rss_imported_mb"] = _status("VmRSS")
    runtime = eingang.runtime.build_runtime(eingang.runtime.get_settings())
    steps["rss_composed_mb"] = _status("VmRSS")
    from casework.processing import process_message

    processed = sum(process_message(runtime, inbound_id) is not None for inbound_id in ids)
    steps["rss_after_mails_mb"] = _status("VmRSS")
    steps["peak_rss_mb"] = _status("VmHWM")
    rollup = _rollup()
    steps["pss_mb"] = rollup.get("Pss", 0.0)
    steps["uss_mb"] = rollup.get("Private_Clean", 0.0) + rollup.get("Private_Dirty", 0.0)
    packages: dict[str, int] = {}
    for name in list(sys.modules):
        top = name.split(".")[0]
        packages[top] = packages.get(top, 0) + 1
    result: dict[str, object] = {key: round(value, 1) for key, value in steps.items()}
    result["mails"] = len(ids)
    result["processed"] = processed
    result["modules"] = len(sys.modules)
    heavy = ("scipy", "sklearn", "openpyxl", "fastapi", "uvicorn", "playwright", "pygal")
    result["heavy_packages"] = [name for name in heavy if name in packages]
    runtime.engine.dispose()
    print(json.dumps(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=20, help="sample mails to process (default 20)")
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    parser.add_argument("--role", choices=["prepare", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.role == "prepare":
        prepare(args.mails)
        return 0
    if args.role == "measure":
        measure(json.loads(args.ids))
        return 0

    from sqlalchemy import create_engine, text

    database = f"eingang_bench_rss_{uuid.uuid4().hex[:8]}"
    namespace = f"eingang-bench-rss-{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{database}"'))
    database_url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{database}"
    env = _environment(database_url, namespace)
    script = [sys.executable, str(Path(__file__).resolve())]
    try:
        prepared = subprocess.run(
            [*script, "--role", "prepare", "--mails", str(args.mails)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        ids = prepared.stdout.strip().splitlines()[-1]
        measured = subprocess.run(
            [*script, "--role", "measure", "--ids", ids], env=env, check=True, capture_output=True, text=True
        )
        result = json.loads(measured.stdout.strip().splitlines()[-1])
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        admin.dispose()
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(f"{namespace}*"):
            client.delete(key)
        client.close()
    if not args.json:
        for key, value in result.items():
            print(f"{key:>20}: {value}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
