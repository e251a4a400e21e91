"""The IMAP channel against a real Dovecot (Debian's dovecot-imapd), started per test on free
loopback ports with a throw-away configuration, a test certificate and a passwd-file user.
Mail is put into the mailbox with IMAP APPEND."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from email.message import EmailMessage
from pathlib import Path

import pytest
from imap_tools import MailBoxUnencrypted
from sqlalchemy.exc import OperationalError
from sqlmodel import select
from typer.testing import CliRunner

from intake.imap_poller import ImapConfig, ImapPoller, ImapService
from models import InboundMessage, ProcessingStatus, session_scope
from tests.conftest import free_port, service_missing

pytestmark = pytest.mark.imap

USER, PASSWORD = "eingang", "geheim-im-test"
_USER_NUMBERS = itertools.count(1)


@dataclass
class Dovecot:
    folder: Path
    imap_port: int
    imaps_port: int
    cert: Path
    user: str = USER

    def config(self, **overrides) -> ImapConfig:
        values = {
            "host": "127.0.0.1",
            "port": self.imap_port,
            "username": self.user,
            "password": PASSWORD,
            "tls": "plain",
            "poll_interval": 0.5,
        }
        values.update(overrides)
        return ImapConfig(**values)

    def client(self) -> MailBoxUnencrypted:
        return MailBoxUnencrypted("127.0.0.1", self.imap_port).login(self.user, PASSWORD)

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        with self.client() as mailbox:
            mailbox.append(raw, folder)

    def contents(self, folder: str) -> list[tuple[bytes, tuple[str, ...]]]:
        """(raw bytes, flags) of every mail in ``folder``, read without marking them seen."""
        with self.client() as mailbox:
            if not mailbox.folder.exists(folder):
                return []
            mailbox.folder.set(folder)
            return [
                (m.obj.as_bytes(), m.flags) for m in mailbox.fetch("ALL", mark_seen=False, bulk=False, charset=None)
            ]


def _dovecot_config(root: Path, imap_port: int, imaps_port: int, cert: Path, key: Path) -> str:
    return f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
first_valid_gid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid=mail gid=mail home={root}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""


@pytest.fixture(scope="module")
def dovecot_server() -> Iterator[Dovecot]:
    executable = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
    if executable is None:
        service_missing("Dovecot (Debian package dovecot-imapd)", "the dovecot binary was not found")
    # Not under pytest's tmp_path: its parents are private to root, the mail user must reach home.
    root = Path(tempfile.mkdtemp(prefix="eingang-dovecot-"))
    root.chmod(0o755)
    try:
        cert, key = root / "cert.pem", root / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )  # fmt: skip
        # One user per test, created up front (passwd-file reloads by mtime, too coarse for tests).
        users = [USER, *(f"{USER}{index}" for index in range(1, 100))]
        (root / "passwd").write_text("".join(f"{user}:{{PLAIN}}{PASSWORD}\n" for user in users))
        (root / "home").mkdir()
        shutil.chown(root / "home", "mail", "mail")
        imap_port, imaps_port = free_port(), free_port()
        config_file = root / "dovecot.conf"
        config_file.write_text(_dovecot_config(root, imap_port, imaps_port, cert, key))
        # The daemon inherits stdout/stderr: send them to a file, not to a pipe we would wait on.
        with (root / "start.out").open("w") as output:
            started = subprocess.run([executable, "-c", str(config_file)], stdout=output, stderr=output, timeout=30)
        if started.returncode != 0:
            service_missing("Dovecot", (root / "start.out").read_text().strip())
        server = Dovecot(root, imap_port, imaps_port, cert)
        deadline = time.monotonic() + 10
        while True:
            try:
                MailBoxUnencrypted("127.0.0.1", imap_port).login(USER, PASSWORD).logout()
                break
            except Exception as error:
                if time.monotonic() > deadline:
                    log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
                    service_missing("Dovecot", f"did not accept a login: {error}\n{log[-2000:]}")
                time.sleep(0.1)
        yield server
        subprocess.run([executable, "-c", str(config_file), "stop"], capture_output=True, timeout=30)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dovecot(dovecot_server: Dovecot) -> Dovecot:
    """The module's Dovecot with a fresh mailbox user of this test's own."""
    return replace(dovecot_server, user=f"{USER}{next(_USER_NUMBERS)}")


def _mail(subject: str, message_id: str, sender: str = "hauptamt@vg-leinetal.de") -> bytes:
    message = EmailMessage()
    message["From"] = f"Hauptamt <{sender}>"
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message["Date"] = "Mon, 16 Nov 2026 09:15:00 +0100"
    message.set_content("Sehr geehrte Damen und Herren,\nist ein DMS nach ThürEGovRL förderfähig?\n")
    return message.as_bytes(policy=message.policy.clone(linesep="\r\n"))


def _rows(engine) -> list[InboundMessage]:
    with session_scope(engine) as session:
        return list(session.exec(select(InboundMessage).order_by(InboundMessage.id)))


def test_poll_stores_every_mail_once_and_moves_it(dovecot, sqlite_runtime):
    first, second = _mail("Förderung DMS", "<a1@vg-leinetal.de>"), _mail("OZG-Leistung", "<a2@vg-leinetal.de>")
    dovecot.append(first)
    dovecot.append(second)
    enqueued: list[int] = []
    poller = ImapPoller(dovecot.config(), sqlite_runtime.engine, on_stored=enqueued.append)

    result = poller.poll()

    rows = _rows(sqlite_runtime.engine)
    assert [r.raw for r in rows] == [first, second]  # the exact bytes, not a re-serialisation
    assert all(r.channel == "imap" and r.status == ProcessingStatus.RECEIVED for r in rows)
    assert result.stored == enqueued == [r.id for r in rows]
    assert dovecot.contents("INBOX") == []
    moved = dovecot.contents("Eingang-verarbeitet")
    assert len(moved) == 2
    # Never marked seen by Eingang: a person reading the folder still sees them as new.
    assert all("\\Seen" not in flags for _raw, flags in moved)

    assert poller.poll().handled == 0  # nothing left to do
    assert len(_rows(sqlite_runtime.engine)) == 2


def test_crash_between_store_and_move_gives_no_duplicate(dovecot, sqlite_runtime):
    raw = _mail("Frage zur Informationssicherheit", "<crash@vg-leinetal.de>")
    dovecot.append(raw)
    poller = ImapPoller(dovecot.config(), sqlite_runtime.engine)

    # The crash: the mail was fetched and committed, the process died before the MOVE.
    from intake.channel import store_raw

    with dovecot.client() as mailbox:
        (fetched,) = list(mailbox.fetch("ALL", mark_seen=False, bulk=False, charset=None))
        assert "\\Seen" not in fetched.flags
    crashed_id, created = store_raw(sqlite_runtime.engine, raw, channel="imap")
    assert created
    assert len(dovecot.contents("INBOX")) == 1  # still in the inbox, unseen

    enqueued: list[int] = []
    poller.on_stored = enqueued.append
    result = poller.poll()

    assert result.stored == [] and result.already_stored == [crashed_id]
    assert enqueued == [crashed_id]  # its processing may never have been enqueued before the crash
    assert len(_rows(sqlite_runtime.engine)) == 1
    assert dovecot.contents("INBOX") == [] and len(dovecot.contents("Eingang-verarbeitet")) == 1


def test_unreadable_mail_is_stored_as_failed_and_moved_out_of_the_way(dovecot, sqlite_runtime):
    garbage = b"%PDF-1.4 this is not a mail at all\r\n\r\nbinary-ish body\r\n"
    good = _mail("Antrag Breitband", "<good@vg-leinetal.de>")
    dovecot.append(garbage)
    dovecot.append(good)
    enqueued: list[int] = []

    result = ImapPoller(dovecot.config(), sqlite_runtime.engine, on_stored=enqueued.append).poll()

    bad_row, good_row = _rows(sqlite_runtime.engine)
    assert bad_row.raw == garbage and bad_row.status == ProcessingStatus.FAILED
    assert "keine Kopfzeilen" in bad_row.error
    assert result.failed == [bad_row.id] and result.stored == enqueued == [good_row.id]
    assert dovecot.contents("INBOX") == []
    assert len(dovecot.contents("Eingang-fehlerhaft")) == 1
    assert len(dovecot.contents("Eingang-verarbeitet")) == 1


def test_flag_mode_leaves_mail_in_place_and_skips_flagged(dovecot, sqlite_runtime):
    dovecot.append(_mail("Rückfrage", "<flag@vg-leinetal.de>"))
    poller = ImapPoller(dovecot.config(processed_folder=None, processed_flag="$Eingang"), sqlite_runtime.engine)

    assert len(poller.poll().stored) == 1
    ((_raw, flags),) = dovecot.contents("INBOX")
    assert "$Eingang" in flags and "\\Seen" not in flags
    assert poller.poll().handled == 0
    assert len(_rows(sqlite_runtime.engine)) == 1


@pytest.mark.parametrize("transport", ["ssl", "starttls"])
def test_encrypted_transports(dovecot, sqlite_runtime, transport):
    dovecot.append(_mail(f"Verschlüsselt {transport}", f"<{transport}@vg-leinetal.de>"))
    port = dovecot.imaps_port if transport == "ssl" else dovecot.imap_port
    config = dovecot.config(tls=transport, port=port, ca_file=str(dovecot.cert))
    assert len(ImapPoller(config, sqlite_runtime.engine).poll().stored) == 1


def test_service_picks_up_mail_arriving_while_idling(dovecot, sqlite_runtime):
    stored = threading.Event()
    poller = ImapPoller(
        dovecot.config(idle=True, poll_interval=60), sqlite_runtime.engine, on_stored=lambda _id: stored.set()
    )
    service = ImapService(poller).start()
    try:
        time.sleep(1.0)  # the service is connected and idling now
        started = time.monotonic()
        dovecot.append(_mail("Neu während IDLE", "<idle@vg-leinetal.de>"))
        assert stored.wait(10), "the IDLE notification did not wake the poller"
        # far below the 60 s poll interval: woken by IDLE, not by the timer
        assert time.monotonic() - started < 10
    finally:
        service.stop()
    assert len(_rows(sqlite_runtime.engine)) == 1


def test_service_polls_when_idle_is_off(dovecot, sqlite_runtime):
    stored = threading.Event()
    poller = ImapPoller(
        dovecot.config(idle=False, poll_interval=0.5), sqlite_runtime.engine, on_stored=lambda _id: stored.set()
    )
    service = ImapService(poller).start()
    try:
        time.sleep(0.5)
        dovecot.append(_mail("Neu beim Polling", "<polling@vg-leinetal.de>"))
        assert stored.wait(10), "the polling loop did not pick the mail up"
    finally:
        service.stop()
    assert len(_rows(sqlite_runtime.engine)) == 1 and dovecot.contents("INBOX") == []


def test_imap_poll_command_stores_and_processes(dovecot, sqlite_runtime, monkeypatch):
    from eingang.cli.main import app

    dovecot.append(_mail("Förderfähigkeit eines DMS nach ThürEGovRL", "<cli@vg-leinetal.de>"))
    for name, value in {
        "DATABASE_URL": sqlite_runtime.settings.database_url,
        "IMAP_HOST": "127.0.0.1",
        "IMAP_PORT": str(dovecot.imap_port),
        "IMAP_TLS": "plain",
        "IMAP_USERNAME": dovecot.user,
        "IMAP_PASSWORD": PASSWORD,
    }.items():
        monkeypatch.setenv(f"EINGANG_{name}", value)
    monkeypatch.delenv("EINGANG_REDIS_URL", raising=False)
    monkeypatch.chdir(dovecot.folder)  # no developer .env

    outcome = CliRunner().invoke(app, ["imap-poll", "--once", "--format", "json"])

    assert outcome.exit_code == 0, outcome.output
    report = json.loads(outcome.stdout)
    assert len(report["stored"]) == 1 and report["failed"] == []
    (row,) = _rows(sqlite_runtime.engine)
    assert row.status == ProcessingStatus.PROCESSED and row.consultation_id is not None, row.error


def test_database_outage_leaves_the_mail_unseen_in_the_inbox(dovecot, sqlite_runtime):
    from models import make_engine

    raw = _mail("Während der Datenbankwartung", "<outage@vg-leinetal.de>")
    dovecot.append(raw)
    # nobody listens on this port: storing really fails
    down = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/x", connect_args={"connect_timeout": 2})
    with pytest.raises(OperationalError):
        ImapPoller(dovecot.config(), down).poll()
    down.dispose()
    ((_raw, flags),) = dovecot.contents("INBOX")
    assert "\\Seen" not in flags and dovecot.contents("Eingang-verarbeitet") == []

    assert len(ImapPoller(dovecot.config(), sqlite_runtime.engine).poll().stored) == 1  # database back
    assert _rows(sqlite_runtime.engine)[0].raw == raw


def test_serve_reads_imap_and_acknowledges(dovecot, smtp_sink, tmp_path):
    """`eingang serve` with EINGANG_IMAP_HOST: a mail appended to the mailbox becomes a
    consultation and its sender gets the acknowledgement through the relay."""
    from tests.helpers import EINGANG, cli_env, run_cli, stop_process, wait_for_consultations, wait_for_port

    sink, relay_port = smtp_sink
    smtp_port = free_port()
    env = cli_env(
        smtp_port=smtp_port,
        web_port=free_port(),
        database_url=f"sqlite:///{tmp_path / 'eingang.db'}",
        imap_host="127.0.0.1",
        imap_port=dovecot.imap_port,
        imap_tls="plain",
        imap_username=dovecot.user,
        imap_password=PASSWORD,
        imap_poll_interval=1,
        relay_host="127.0.0.1",
        relay_port=relay_port,
    )
    run_cli(["db", "upgrade"], env, cwd=tmp_path)
    server = subprocess.Popen(
        [EINGANG, "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(smtp_port, process=server)
        dovecot.append(_mail("Förderfähigkeit eines DMS nach ThürEGovRL", "<serve@vg-leinetal.de>"))
        try:
            (row,) = wait_for_consultations(env, 1, timeout=60)
        except AssertionError as error:  # say why: the stored messages with their status and error
            listing = run_cli(["messages", "list", "--format", "json"], env, cwd=tmp_path, check=False).stdout
            raise AssertionError(f"{error}\nstored messages: {listing}") from None
        deadline = time.monotonic() + 30
        while not sink.messages and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stop_process(server)
    assert row["channel"] == "imap"
    (acknowledgement,) = sink.parsed()
    assert f"[{row['reference']}]" in acknowledgement["Subject"]
    assert acknowledgement["In-Reply-To"] == "<serve@vg-leinetal.de>"
    assert dovecot.contents("INBOX") == [] and len(dovecot.contents("Eingang-verarbeitet")) == 1


def test_imap_poll_command_reports_a_refused_login(dovecot, sqlite_runtime, monkeypatch):
    from eingang.cli.main import app

    dovecot.append(_mail("Bleibt liegen", "<login@vg-leinetal.de>"))
    for name, value in {
        "DATABASE_URL": sqlite_runtime.settings.database_url,
        "IMAP_HOST": "127.0.0.1",
        "IMAP_PORT": str(dovecot.imap_port),
        "IMAP_TLS": "plain",
        "IMAP_USERNAME": dovecot.user,
        "IMAP_PASSWORD": "falsch",
    }.items():
        monkeypatch.setenv(f"EINGANG_{name}", value)
    monkeypatch.delenv("EINGANG_REDIS_URL", raising=False)
    monkeypatch.chdir(dovecot.folder)

    outcome = CliRunner().invoke(app, ["imap-poll", "--once"])

    assert outcome.exit_code == 1
    assert "IMAP-Abruf von 127.0.0.1 fehlgeschlagen" in outcome.output
    assert _rows(sqlite_runtime.engine) == [] and len(dovecot.contents("INBOX")) == 1
