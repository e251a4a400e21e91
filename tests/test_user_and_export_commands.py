"""``eingang users disable | enable | reset-password | remove`` and the same on the admin page,
and ``eingang export …`` writing the dashboard's figures to a file or standard output — run as
an operator runs them (the installed command in a subprocess, the real database)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import Session, select

from models import AuditEntry, Consultation, ConsultationMessage, UserAccount, session_scope
from tests.helpers import cli_env, run_cli
from tests.statistics_support import add_consultation
from tests.test_web_support import PASSWORD, add_user, csrf_from, login, web_runtime
from web.app import create_app


def test_disable_enable_reset_password_and_remove(sqlite_url):
    runtime = web_runtime(sqlite_url)
    token = add_user(runtime, "anna", "berater", token=True)
    add_user(runtime, "bert", "berater")
    add_user(runtime, "adam", "admin")
    add_consultation(runtime, "KV-2026-00001", datetime(2026, 1, 5, 9, tzinfo=UTC), assignee="bert")
    env = cli_env(database_url=sqlite_url)
    app = create_app(runtime)

    assert "deaktiviert" in run_cli(["users", "disable", "anna"], env).stdout
    with TestClient(app) as client:
        assert login(client, "anna").status_code != 303
        assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    run_cli(["users", "enable", "anna"], env)
    with TestClient(app) as client:
        assert login(client, "anna").status_code == 303
        assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200

    short = run_cli(["users", "reset-password", "anna", "--password-stdin"], env | {}, check=False, timeout=120)
    assert short.returncode == 1
    changed = _run_stdin(["users", "reset-password", "anna", "--password-stdin"], env, "ganz-neues-passwort\n")
    assert changed.returncode == 0, changed.stderr
    with TestClient(app) as client:
        assert login(client, "anna", PASSWORD).status_code != 303
        assert login(client, "anna", "ganz-neues-passwort").status_code == 303

    # The last administrator cannot be removed; `password` does the same as `reset-password`.
    refused = run_cli(["users", "remove", "adam", "--yes"], env, check=False)
    assert refused.returncode == 1 and "letzte aktive Administrationskonto" in refused.stderr
    assert _run_stdin(["users", "password", "adam", "--password-stdin"], env, "admin-passwort-2\n").returncode == 0

    # Removing bert gives his consultation back to nobody, audited.
    removed = run_cli(["users", "remove", "bert", "--yes"], env)
    assert "1 Fälle" in removed.stdout
    with Session(runtime.engine) as session:
        assert session.exec(select(UserAccount).where(UserAccount.username == "bert")).first() is None
        consultation = session.exec(select(Consultation)).one()
        assert consultation.assignee_id is None
        audit = session.exec(select(AuditEntry).where(AuditEntry.consultation_id == consultation.id)).all()
        assert any(e.action == "assigned" and e.before == "bert" and e.actor == "cli" for e in audit)

    # Someone who answered stays on record: removing is refused, disabling is the way.
    with session_scope(runtime.engine) as session:
        anna = session.exec(select(UserAccount).where(UserAccount.username == "anna")).one()
        session.add(
            ConsultationMessage(
                consultation_id=consultation.id, direction="outbound", channel="smtp", text="Antwort", author_id=anna.id
            )
        )
    kept = run_cli(["users", "remove", "anna", "--yes"], env, check=False)
    assert kept.returncode == 1 and "deaktivieren" in kept.stderr
    unknown = run_cli(["users", "remove", "niemand-da", "--yes"], env, check=False)
    assert unknown.returncode == 1 and "gibt es nicht" in unknown.stderr
    runtime.engine.dispose()


def _run_stdin(args, env, stdin):
    import subprocess

    from tests.helpers import EINGANG

    return subprocess.run([EINGANG, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_admin_page_resets_passwords_and_removes_users(sqlite_url):
    runtime = web_runtime(sqlite_url)
    add_user(runtime, "adam", "admin")
    add_user(runtime, "bert", "berater")
    with TestClient(create_app(runtime)) as client:
        assert login(client, "adam").status_code == 303
        page = client.get("/admin/benutzer")
        assert "Bert" in page.text and "/admin/benutzer/bert/entfernen" in page.text
        csrf = csrf_from(page.text)
        short = client.post("/admin/benutzer/bert/passwort", data={"csrf_token": csrf, "password": "kurz"})
        assert "mindestens 10 Zeichen" in short.text
        client.post("/admin/benutzer/bert/passwort", data={"csrf_token": csrf, "password": "neues-passwort-1"})
        self_removal = client.post("/admin/benutzer/adam/entfernen", data={"csrf_token": csrf})
        assert "eigene Konto" in self_removal.text
        assert client.post("/admin/benutzer/bert/entfernen", data={}).status_code == 403  # CSRF
        done = client.post("/admin/benutzer/bert/entfernen", data={"csrf_token": csrf})
        assert "Benutzer bert entfernt" in done.text
    with Session(runtime.engine) as session:
        assert session.exec(select(UserAccount).where(UserAccount.username == "bert")).first() is None
    runtime.engine.dispose()


def test_export_commands_write_csv_xlsx_and_json(sqlite_url, tmp_path):
    runtime = web_runtime(sqlite_url)
    topic = runtime.taxonomy.ids[0]
    add_consultation(runtime, "KV-2024-00001", datetime(2024, 3, 5, 9, tzinfo=UTC), topics=[topic], response_hours=2.5)
    add_consultation(runtime, "KV-2025-00001", datetime(2025, 6, 1, 9, tzinfo=UTC), channel="smtp")
    env = cli_env(database_url=sqlite_url)
    period = ["--von", "2024-01-01", "--bis", "2025-12-31"]

    out = run_cli(["export", "consultations", *period], env).stdout
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert [r[0] for r in rows[1:]] == ["KV-2024-00001", "KV-2025-00001"] and rows[1][3] == "2,5"

    target = tmp_path / "kreise.xlsx"
    run_cli(["export", "table", "neu_abgeschlossen", *period, "--format", "xlsx", "--output", str(target)], env)
    sheet = load_workbook(target).active
    values = {row[0]: row[1] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert values["2024-03"] == 1 and values["2025-06"] == 1 and isinstance(values["2024-04"], int)

    grouped = json.loads(run_cli(["export", "statistics", "-g", "month,channel", *period, "-f", "json"], env).stdout)
    assert [r[:2] for r in grouped["rows"]] == [["2024-03", "Import"], ["2025-06", "E-Mail"]]
    only_smtp = run_cli(["export", "consultations", *period, "--kanal", "smtp"], env).stdout
    assert "KV-2025-00001" in only_smtp and "KV-2024-00001" not in only_smtp
    wrong = run_cli(["export", "statistics", "-g", "wetter"], env, check=False)
    assert wrong.returncode == 2 and "Unbekannte Gruppierung" in wrong.stderr
    assert run_cli(["export", "table", "gibtsnicht"], env, check=False).returncode == 1
    runtime.engine.dispose()
