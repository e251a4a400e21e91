"""End-to-end intake benchmark: N generated mails through the real SMTP receiver into processed
consultations.

``--topology production`` (issue 16) starts the production topology as separate processes — the
real ``eingang serve``, ``eingang worker -p 2 -t 4`` and ``eingang scheduler`` — on the local
PostgreSQL and Redis with a fresh database and Redis namespace (both removed afterwards), sends N
mails from 4 SMTP client threads (``--rate R``: paced at R mails/s in total) and prints as its
last line one JSON object (mails, processed, lost, duplicated, stuck, e2e_mails_per_s,
parse_mails_per_s, p50_s, p95_s, sql_statements_per_mail, commits_per_mail, worker_rss_mb, …).
Statements and commits are counted with SQLAlchemy events in each process
(``EINGANG_SQL_STATISTICS_DIR``, ``models.statement_counts``).

``--faults`` (production topology) starts a PostgreSQL cluster (initdb/pg_ctl, as the
``postgres`` user when run as root) and a redis-server (AOF everysec) of its own on free ports
— the machine's services are never stopped — and, during the paced burst, kill -9s the receiver,
a worker child, the worker parent and Redis and stops PostgreSQL (``--pg-outage`` s); a
supervisor thread restarts the eingang processes (as compose ``restart:`` would). After
recovery it counts ``lost``, ``duplicated`` and ``stuck`` against every Message-ID that got a
250, and ``orphans`` (worker children alive 60 s after their parent was killed).

``--topology inprocess`` is the older in-process variant (embedded SQLite and/or Redis+PostgreSQL
in this process).

    .venv/bin/python bench/bench_pipeline.py --topology production --mails 2000 --json
    .venv/bin/python bench/bench_pipeline.py --faults --mails 1000 --json
    .venv/bin/python bench/bench_pipeline.py --mails 200 --topology inprocess [--mode embedded|redis|both]
"""

from __future__ import annotations

import argparse
import contextlib
import email
import email.policy
import json
import os
import random
import shutil
import signal
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
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


# --- production topology (issue 16) -------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
EINGANG = [sys.executable, "-m", "eingang.cli.main"]


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _descendants(pid: int) -> list[int]:
    children: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid:
            children.append(int(entry.name))
    return children + [grandchild for child in children for grandchild in _descendants(child)]


def _wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port}")


def _message_id(raw: bytes) -> str:
    return "".join(str(email.message_from_bytes(raw)["Message-ID"]).split())


def _send_all(
    mails: list[bytes], port: int, clients: int, rate: float | None, retry_for: float = 10
) -> dict[str, float]:
    """Send from ``clients`` threads; returns Message-ID -> time.time() of the 250. A mail that
    is refused (4xx) or whose connection breaks is sent again, for up to ``retry_for`` seconds."""
    accepted: dict[str, float] = {}
    lock = threading.Lock()
    start = time.monotonic()

    def client(share: list[tuple[int, bytes]]) -> None:
        connection = None
        for index, raw in share:
            if rate:
                delay = start + index / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            give_up = time.monotonic() + retry_for
            while time.monotonic() < give_up:
                try:
                    if connection is None:
                        connection = smtplib.SMTP("127.0.0.1", port, timeout=60)
                    connection.sendmail("bench@example.org", ["egovernment@tfm.thueringen.de"], raw)
                    with lock:
                        accepted[_message_id(raw)] = time.time()
                    break
                except (smtplib.SMTPException, OSError):
                    if connection is not None:
                        with contextlib.suppress(Exception):
                            connection.close()
                    connection = None
                    time.sleep(0.5)
        if connection is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                connection.quit()

    indexed = list(enumerate(mails))
    threads = [threading.Thread(target=client, args=(indexed[i::clients],)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return accepted


def _sql_totals(directory: Path, exclude: set[int]) -> tuple[int, int]:
    statements = commits = 0
    for path in directory.glob("*.json"):
        data = json.loads(path.read_text())
        if data["pid"] in exclude:
            continue
        statements += data["statements"]
        commits += data["commits"]
    return statements, commits


def _sql_of(directory: Path, pids: set[int]) -> tuple[int, int]:
    statements = commits = 0
    for pid in pids:
        path = directory / f"{pid}.json"
        if path.exists():
            data = json.loads(path.read_text())
            statements += data["statements"]
            commits += data["commits"]
    return statements, commits


# --- --faults: a PostgreSQL cluster and a redis-server of the benchmark's own ------------------


def _postgres_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    if not candidates:
        found = shutil.which("pg_ctl")
        if not found:
            raise RuntimeError("pg_ctl not found (PostgreSQL server binaries are needed for --faults)")
        return Path(found).parent
    return candidates[-1].parent


class TempPostgres:
    """A throw-away PostgreSQL cluster on a free port in a temporary directory (initdb, pg_ctl;
    as the ``postgres`` user when run as root). The machine's PostgreSQL is never touched."""

    def __init__(self) -> None:
        self.bin = _postgres_bin()
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="eingang-faults-pg-"))
        self.data = self.dir / "data"
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        subprocess.run([*self.as_user, *command], check=True, capture_output=True, cwd=self.dir)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-o", options, "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def destroy(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


class TempRedis:
    """A throw-away redis-server on a free port, AOF ``everysec`` as in compose; ``kill9`` and
    ``start`` again keep its directory (the AOF), as a restarted container would."""

    def __init__(self) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="eingang-faults-redis-"))
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.dir)]
        command += ["--appendonly", "yes", "--appendfsync", "everysec", "--save", ""]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_port(self.port, 30)

    def kill9(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()

    def destroy(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        shutil.rmtree(self.dir, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


FAULT_SWEEPER_INTERVAL = 5  # seconds; --faults only (production: 60)
FAULT_SWEEPER_LEASE = 20  # seconds; --faults only (production: 600)


def inject_faults(args, roles: dict, services: dict, faults: list[dict], log) -> list[int]:
    """During the burst, one after the other, ``--fault-spacing`` seconds apart (counted from
    the end of the previous fault, i.e. after the restarted worker group is up again): kill -9
    the receiver, a worker child, the worker parent; kill -9 Redis (started again after
    ``--redis-outage`` s, same AOF); stop PostgreSQL (``pg_ctl stop -m fast``, started again
    after ``--pg-outage`` s). The supervisor thread restarts the eingang processes. Returns the
    worker children still alive 60 s after their parent was killed (orphans; then killed)."""
    start = time.monotonic()
    orphans: list[int] = []

    def at(_step: int) -> None:
        time.sleep(args.fault_spacing)

    def record(fault: str, **details) -> None:
        entry = {"at_s": round(time.monotonic() - start, 1), "fault": fault, **details}
        faults.append(entry)
        log(f"fault: {entry}")

    def group_up(timeout: float = 90) -> list[int]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            children = _descendants(roles["worker"].pid)
            if len(children) >= args.processes:
                return children
            time.sleep(0.5)
        return _descendants(roles["worker"].pid)

    step = args.fault_spacing
    at(step)
    pid = roles["serve"].pid
    os.kill(pid, signal.SIGKILL)
    record("kill -9 receiver (eingang serve)", pid=pid)
    at(2 * step)
    children = group_up()
    if children:
        os.kill(children[-1], signal.SIGKILL)
        record("kill -9 worker child", pid=children[-1], parent=roles["worker"].pid)
    at(3 * step)
    children = group_up()
    parent = roles["worker"].pid
    os.kill(parent, signal.SIGKILL)
    record("kill -9 worker parent", pid=parent, children=children)

    def count_orphans() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(_alive(child) for child in children):
            time.sleep(0.2)
        alive = [child for child in children if _alive(child)]
        orphans.extend(alive)
        record("children of the killed parent", exited_after_s=round(time.monotonic() - killed, 1), alive=alive)
        for child in alive:  # do not leave them running
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)

    killed = time.monotonic()
    orphan_check = threading.Thread(target=count_orphans, daemon=True)
    orphan_check.start()
    orphan_check.join()  # the next fault only after the old group is gone
    at(4 * step)
    services["redis"].kill9()
    record("kill -9 redis-server")
    time.sleep(args.redis_outage)
    services["redis"].start()
    record("redis-server started again")
    at(5 * step)
    services["postgres"].stop("fast")
    record("PostgreSQL stopped (pg_ctl stop -m fast)")
    time.sleep(args.pg_outage)
    services["postgres"].start()
    record("PostgreSQL started again", outage_s=args.pg_outage)
    orphan_check.join()
    return orphans


def run_production(args, mails: list[bytes], fault_services: dict | None = None) -> dict:
    log = (lambda *a: print(*a, file=sys.stderr, flush=True)) if args.json else print
    stdlib_rate, our_rate = parse_rates(mails)
    name = f"eingang_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = args.postgres.rsplit("/", 1)[0] + f"/{name}"
    processes: list[subprocess.Popen] = []
    roles: dict[str, subprocess.Popen] = {}
    role_argv: dict[str, tuple[str, ...]] = {}
    pids: dict[str, set[int]] = {"serve": set(), "worker": set(), "scheduler": set()}
    supervising = threading.Event()
    supervising.set()
    restarts: dict[str, int] = {"serve": 0, "worker": 0, "scheduler": 0}
    faults: list[dict] = []

    def supervise() -> None:
        while supervising.is_set():
            for role, process in list(roles.items()):
                if process.poll() is not None and supervising.is_set():
                    log(f"supervisor: {role} (pid {process.pid}) ended with {process.returncode}; starting it again")
                    time.sleep(1)
                    restarts[role] += 1
                    start(role, *role_argv[role])
            time.sleep(0.5)

    stats_dir = Path(tempfile.mkdtemp(prefix="eingang-sql-"))
    smtp_port = free_port()
    env = {
        **os.environ,
        "EINGANG_DATABASE_URL": database_url,
        "EINGANG_REDIS_URL": args.redis,
        "EINGANG_REDIS_NAMESPACE": name,
        "EINGANG_SMTP_PORT": str(smtp_port),
        "EINGANG_WEB_PORT": str(free_port()),
        "EINGANG_SQL_STATISTICS_DIR": str(stats_dir),
        "EINGANG_RELAY_HOST": "127.0.0.1",
        "EINGANG_RELAY_PORT": str(free_port()),  # --relay refusing: nobody listens, the outbox retries
        "PYTHONPATH": str(ROOT),
    }
    if args.faults:  # recovery within minutes, not the production lease of 10 minutes
        env["EINGANG_SWEEPER_INTERVAL_SECONDS"] = str(FAULT_SWEEPER_INTERVAL)
        env["EINGANG_SWEEPER_MIN_AGE_SECONDS"] = str(FAULT_SWEEPER_LEASE)
        env["EINGANG_SCHEDULER_TICK_SECONDS"] = "1"
    logs = Path(tempfile.mkdtemp(prefix="eingang-bench-logs-"))
    relay = None
    if args.relay == "sink":  # an aiosmtpd sink as the relay: acknowledgements are delivered
        from aiosmtpd.controller import Controller

        class Sink:
            async def handle_DATA(self, server, session, envelope):
                return "250 OK"

        relay = Controller(Sink(), hostname="127.0.0.1", port=free_port())
        relay.start()
        env["EINGANG_RELAY_PORT"] = str(relay.port)
    elif args.relay == "none":  # no relay: no acknowledgements, the worker figures are processing only
        env.pop("EINGANG_RELAY_HOST")
        env.pop("EINGANG_RELAY_PORT")
    try:
        subprocess.run([*EINGANG, "db", "upgrade"], env=env, check=True, cwd=ROOT, capture_output=True)
        engine = create_engine(database_url)
        with Session(engine) as session:
            sync_gazetteer(session, packaged_gazetteer())
            session.commit()

        def start(role: str, *argv: str) -> subprocess.Popen:
            out = open(logs / f"{role}.log", "ab")  # noqa: SIM115
            process = subprocess.Popen([*EINGANG, *argv], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
            processes.append(process)
            roles[role] = process
            role_argv[role] = argv
            pids[role].add(process.pid)
            return process

        serve = start("serve", "serve")
        worker = start("worker", "worker", "-p", str(args.processes), "-t", str(args.threads))
        start("scheduler", "scheduler")
        if args.faults:  # the supervisor (compose `restart: always`): a process that ended is started again
            threading.Thread(target=supervise, daemon=True).start()
        _wait_for_port(smtp_port)
        # wait for the worker children to be up (each writes its statistics file when composed)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(_descendants(worker.pid)) < args.processes:
            time.sleep(0.2)
        # warm-up: the first mail of each worker process loads the topic model; not measured
        warm = generated_mails(4 * args.processes, seed=99)
        _send_all(warm, smtp_port, args.clients, None)
        deadline = time.monotonic() + 300
        with engine.connect() as connection:
            while time.monotonic() < deadline:
                waiting = connection.execute(
                    text("SELECT count(*) FROM inbound_message WHERE status = 'received'")
                ).scalar()
                connection.commit()
                if waiting == 0:
                    break
                time.sleep(0.2)
        time.sleep(1.2)
        log(f"topology up: serve={serve.pid} worker={worker.pid} children={_descendants(worker.pid)}")
        baseline_worker = _sql_totals(stats_dir, pids["serve"] | pids["scheduler"])
        baseline_receiver = _sql_of(stats_dir, pids["serve"])

        started = time.time()
        peak_rss = 0.0
        rss_stop = threading.Event()

        def sample_rss() -> None:
            nonlocal peak_rss
            while not rss_stop.wait(0.5):
                current = roles["worker"].pid
                peak_rss = max(peak_rss, _rss_mb([current, *_descendants(current)]))

        threading.Thread(target=sample_rss, daemon=True).start()
        fault_thread = None
        orphans: list[int] = []
        if args.faults:

            def inject() -> None:
                orphans.extend(inject_faults(args, roles, fault_services, faults, log))

            fault_thread = threading.Thread(target=inject, daemon=True)
            fault_thread.start()
        accepted = _send_all(mails, smtp_port, args.clients, args.rate, retry_for=600 if args.faults else 10)
        sent_done = time.time()
        if fault_thread is not None:
            fault_thread.join()
        log(
            f"{len(accepted)} mails accepted in {sent_done - started:.1f} s "
            f"({len(accepted) / (sent_done - started):.0f}/s)"
        )
        deadline = time.monotonic() + args.timeout
        engine.dispose()  # a PostgreSQL stop broke the pool's connections
        with engine.connect() as connection:
            while time.monotonic() < deadline:
                waiting = connection.execute(
                    text("SELECT count(*) FROM inbound_message WHERE status = 'received'")
                ).scalar()
                stored = connection.execute(text("SELECT count(*) FROM inbound_message")).scalar()
                connection.commit()
                if waiting == 0 and stored >= len(accepted):
                    break
                time.sleep(0.2)
            recovered = time.time()
            rows = connection.execute(
                text("SELECT message_id, status, extract(epoch FROM processed_at) FROM inbound_message")
            ).all()
            thread_duplicates = connection.execute(
                text(
                    "SELECT count(*) - count(DISTINCT message_id) FROM consultation_message WHERE direction = 'inbound'"
                )
            ).scalar()
        rss_stop.set()
        time.sleep(1.2)  # the statistics threads write every 0.5 s
        worker_sql = _sql_totals(stats_dir, pids["serve"] | pids["scheduler"])
        receiver_sql = _sql_of(stats_dir, pids["serve"])
        worker = roles["worker"]
        worker_rss = _rss_mb([worker.pid, *_descendants(worker.pid)])
        child_rss = max((_rss_mb([pid]) for pid in _descendants(worker.pid)), default=0.0)
        worker_processes = len(_descendants(worker.pid))
    finally:
        supervising.clear()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        try:
            import redis

            client = redis.Redis.from_url(args.redis)
            keys = list(client.scan_iter(f"{name}*"))
            if keys:
                client.delete(*keys)
        except Exception as error:
            log(f"could not remove the Redis namespace {name}: {error}")
        admin.dispose()  # after a PostgreSQL stop the pooled connection is gone
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        shutil.rmtree(stats_dir, ignore_errors=True)
        if relay is not None:
            relay.stop()

    by_id: dict[str, list] = {}
    for message_id, status, processed in rows:
        by_id.setdefault(message_id, []).append((status, processed))
    lost = [mid for mid in accepted if mid not in by_id]
    duplicated = sum(len(v) - 1 for mid, v in by_id.items() if mid in accepted and len(v) > 1) + (
        thread_duplicates or 0
    )
    processed_rows = {mid: v[0] for mid, v in by_id.items() if v[0][0] == "processed" and mid in accepted}
    stuck = sum(1 for mid in accepted if mid in by_id and by_id[mid][0][0] == "received")
    failed = sum(1 for mid in accepted if mid in by_id and by_id[mid][0][0] == "failed")
    latencies = sorted(
        float(processed) - accepted[mid] for mid, (_status, processed) in processed_rows.items() if mid in accepted
    )
    last = max((float(p) for _s, p in processed_rows.values()), default=started)
    count = len(processed_rows)
    worker_statements = worker_sql[0] - baseline_worker[0]
    worker_commits = worker_sql[1] - baseline_worker[1]
    receiver_statements = receiver_sql[0] - baseline_receiver[0]
    load = os.getloadavg()
    shutil.rmtree(logs, ignore_errors=True)
    extra: dict = {}
    if args.faults:
        extra = {
            "faults": faults,
            "restarts": restarts,
            "orphans": len(orphans),
            "worker_processes_after": worker_processes,
            "recovery_s": round(recovered - sent_done, 1),
            "sweeper": {"interval_s": FAULT_SWEEPER_INTERVAL, "lease_s": FAULT_SWEEPER_LEASE},
        }
    return {
        "topology": "production",
        "mails": len(mails),
        "accepted": len(accepted),
        "processed": count,
        "failed": failed,
        "lost": len(lost),
        "duplicated": duplicated,
        "stuck": stuck,
        "smtp_mails_per_s": round(len(accepted) / max(sent_done - started, 1e-9), 1),
        "e2e_mails_per_s": round(count / max(last - started, 1e-9), 1),
        "parse_mails_per_s": round(stdlib_rate, 1),
        "eingang_parse_mails_per_s": round(our_rate, 1),
        "p50_s": round(statistics.median(latencies), 3) if latencies else None,
        "p95_s": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))], 3) if latencies else None,
        "sql_statements_per_mail": round(worker_statements / max(count, 1), 2),
        "commits_per_mail": round(worker_commits / max(count, 1), 2),
        "receiver_statements_per_mail": round(receiver_statements / max(len(accepted), 1), 2),
        "worker_rss_mb": round(max(worker_rss, peak_rss), 1),  # parent + all children, peak
        "worker_child_rss_mb": round(child_rss, 1),  # largest single worker process at the end
        "rate": args.rate,
        "relay": args.relay,
        "workers": f"-p {args.processes} -t {args.threads}",
        "load_average": [round(x, 2) for x in load],
        "cpus": os.cpu_count(),
        **extra,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topology", choices=["production", "inprocess"], default="production")
    parser.add_argument("--mails", type=int, default=200)
    parser.add_argument("--mode", choices=["embedded", "redis", "both"], default="both")
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--rate", type=float, default=None, help="paced sending: mails per second in total")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=900, help="seconds to wait for processing")
    parser.add_argument(
        "--relay",
        choices=["sink", "none", "refusing"],
        default="sink",
        help="acknowledgements: delivered to an aiosmtpd sink, off (no relay), or to a closed port",
    )
    parser.add_argument("--json", action="store_true", help="only the JSON line (and progress on stderr)")
    parser.add_argument(
        "--faults",
        action="store_true",
        help="own PostgreSQL cluster and redis-server on free ports; kill -9 receiver, worker child, worker "
        "parent, Redis and stop PostgreSQL during the burst; count lost/duplicated/stuck after recovery",
    )
    parser.add_argument("--fault-spacing", type=float, default=6, help="--faults: seconds between the faults")
    parser.add_argument("--pg-outage", type=float, default=10, help="--faults: seconds PostgreSQL stays stopped")
    parser.add_argument("--redis-outage", type=float, default=3, help="--faults: seconds Redis stays down")
    args = parser.parse_args()
    if args.faults:
        args.topology = "production"
        if args.rate is None:  # the burst lasts until after the last fault
            args.rate = round(args.mails / (5 * args.fault_spacing + args.pg_outage + 45), 1)
    if args.topology == "production" and args.faults:
        postgres, redis_server = TempPostgres(), TempRedis()
        try:
            postgres.start()
            redis_server.start()
            args.postgres, args.redis = postgres.url, redis_server.url
            result = run_production(
                args, generated_mails(args.mails, seed=9), {"postgres": postgres, "redis": redis_server}
            )
        finally:
            redis_server.destroy()
            postgres.destroy()
        if not args.json:
            for key, value in result.items():
                print(f"{key:>24}: {value}")
        print(json.dumps(result))
        return
    if args.topology == "production":
        result = run_production(args, generated_mails(args.mails, seed=9))
        if not args.json:
            for key, value in result.items():
                print(f"{key:>24}: {value}")
        print(json.dumps(result))
        return
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
