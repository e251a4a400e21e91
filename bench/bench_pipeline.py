"""End-to-end intake benchmark: N generated mails through the real SMTP receiver into processed
consultations, on the embedded default (SQLite + in-process queue) and on Redis + PostgreSQL.

Prints mails/s, p50/p95 seconds from the SMTP 250 to "processed", and — over the same mails —
the parse-only rate of Eingang's parser next to Python's bare ``email`` package.

    .venv/bin/python bench/bench_pipeline.py --mails 200 [--mode embedded|redis|both]
"""

from __future__ import annotations

import argparse
import email
import email.policy
import random
import smtplib
import socket
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import dramatiq
from sqlalchemy import create_engine, text
from sqlmodel import Session, select

from casework.gazetteers import sync_gazetteer
from classifiers.gazetteer import packaged_gazetteer
from eingang.runtime import build_runtime
from eingang.settings import Settings
from intake.channel import store_raw
from intake.parsing import parse
from intake.recipients import RecipientPolicy
from intake.smtp_server import IntakeHandler, start_smtp_server
from models import InboundMessage, as_utc, session_scope
from models.migrate import upgrade_database
from queue_workers.broker import broker_of

QUESTIONS = [
    (
        "Förderantrag ThürEGovRL",
        "ist die Einführung unseres Dokumentenmanagementsystems nach der ThürEGovRL förderfähig?",
    ),
    ("OZG-Umsetzung", "welche Leistungen müssen wir nach dem OZG online anbieten, und wie binden wir ThAVEL an?"),
    ("Informationssicherheit", "wir möchten ein ISMS nach BSI IT-Grundschutz aufbauen. Wer berät uns dazu?"),
    ("Verwendungsnachweis", "bis wann ist der Verwendungsnachweis für die Zuwendung einzureichen?"),
    ("Einladung Bürgerfest", "wir laden Sie herzlich zu unserem Bürgerfest am Samstag ein."),
]


def generated_mails(count: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    associations = [a for a in packaged_gazetteer().associations.values() if a.email_domain]
    mails = []
    for index in range(count):
        association = rng.choice(associations)
        subject, question = rng.choice(QUESTIONS)
        message = EmailMessage()
        message["From"] = f"Hauptamt {association.name} <hauptamt{index}@{association.email_domain}>"
        message["To"] = "egovernment@tfm.thueringen.de"
        message["Subject"] = f"{subject} ({index})"
        message["Message-ID"] = f"<bench-{uuid.uuid4().hex}@{association.email_domain}>"
        message.set_content(
            f"Sehr geehrte Damen und Herren,\n\n{question}\n\nMit freundlichen Grüßen\n"
            f"Max Mustermann\nVerwaltungsgemeinschaft {association.name}\n"
            f"{association.postal_code or ''} {association.place or ''}\n"
        )
        mails.append(message.as_bytes())
    return mails


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def parse_rates(mails: list[bytes]) -> tuple[float, float]:
    for raw in mails[:20]:  # warm up both paths (imports, caches)
        parse(raw)
        email.message_from_bytes(raw, policy=email.policy.default)
    start = time.perf_counter()
    for raw in mails:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        message.get_body(preferencelist=("plain", "html"))
    stdlib = len(mails) / (time.perf_counter() - start)
    start = time.perf_counter()
    for raw in mails:
        parse(raw)
    ours = len(mails) / (time.perf_counter() - start)
    return stdlib, ours


def run(settings: Settings, mails: list[bytes], label: str) -> None:
    runtime = build_runtime(settings)
    upgrade_database(runtime.engine)
    with session_scope(runtime.engine) as session:
        sync_gazetteer(session, packaged_gazetteer())
    broker = broker_of(runtime)

    if settings.redis_url:
        broker.flush_all()
    worker = dramatiq.Worker(broker, worker_threads=2, worker_timeout=100)
    worker.start()

    def store(raw, mail_from, rcpt_tos, peer, trace=b""):
        return store_raw(
            runtime.engine, raw, channel="smtp", envelope_from=mail_from, envelope_to=rcpt_tos, peer=peer, trace=trace
        )[0]

    handler = IntakeHandler(
        policy=RecipientPolicy(settings.accepted_recipients), store=store, on_stored=runtime.tasks.enqueue_processing
    )
    controller = start_smtp_server(handler, host="127.0.0.1", port=settings.smtp_port, max_message_size=10_000_000)
    accepted_at: dict[str, datetime] = {}
    started = time.perf_counter()
    try:
        with smtplib.SMTP("127.0.0.1", settings.smtp_port) as client:
            for raw in mails:
                message_id = "".join(str(email.message_from_bytes(raw)["Message-ID"]).split())
                client.sendmail("bench@example.org", ["egovernment@tfm.thueringen.de"], raw)
                accepted_at[message_id] = datetime.now(UTC)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            with Session(runtime.engine) as session:
                pending = session.exec(
                    select(InboundMessage.id).where(InboundMessage.status == "received").limit(1)
                ).first()
            if pending is None:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
        with Session(runtime.engine) as session:
            rows = session.exec(
                select(InboundMessage.message_id, InboundMessage.processed_at, InboundMessage.status)
            ).all()
    finally:
        controller.stop()
        worker.stop()
    latencies = sorted(
        (as_utc(processed) - accepted_at[message_id]).total_seconds()
        for message_id, processed, status in rows
        if status == "processed" and message_id in accepted_at
    )
    failed = sum(1 for row in rows if row[2] != "processed")
    unmatched = [row[0] for row in rows if row[0] not in accepted_at]
    if unmatched:
        print(f"  {len(unmatched)} stored Message-IDs not among the sent ones, e.g. {unmatched[:2]}")
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))] if latencies else float("nan")
    print(
        f"{label:<18} mails={len(mails)} processed={len(latencies)} failed={failed} "
        f"throughput={len(latencies) / elapsed:.1f} mails/s  "
        f"250→processed p50={statistics.median(latencies):.3f}s p95={p95:.3f}s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mails", type=int, default=200)
    parser.add_argument("--mode", choices=["embedded", "redis", "both"], default="both")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    mails = generated_mails(args.mails)
    stdlib_rate, our_rate = parse_rates(mails)
    print(
        f"parse only         email package={stdlib_rate:.0f} mails/s  eingang parse={our_rate:.0f} mails/s  "
        f"ratio={stdlib_rate / our_rate:.1f}x"
    )
    if args.mode in ("embedded", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                _env_file=None, database_url=f"sqlite:///{Path(tmp) / 'bench.db'}", smtp_port=free_port()
            )
            run(settings, mails, "embedded (SQLite)")
    if args.mode in ("redis", "both"):
        name = f"eingang_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            settings = Settings(
                _env_file=None,
                database_url=args.postgres.rsplit("/", 1)[0] + f"/{name}",
                redis_url=args.redis,
                redis_namespace=name,
                smtp_port=free_port(),
            )
            run(settings, generated_mails(args.mails, seed=8), "Redis+PostgreSQL")
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
