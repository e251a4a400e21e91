"""The foundation's promise, tested as a user would: mail sent with smtplib to a running
`eingang serve` appears in `eingang consultations list --format json` with topics,
municipality and tasks — on the embedded default and on Redis + PostgreSQL."""

from __future__ import annotations

import smtplib
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REDIS_TEST_URL, free_port
from tests.helpers import (
    EINGANG,
    cli_env,
    municipal_mail,
    run_cli,
    send_smtp,
    stop_process,
    wait_for_consultations,
    wait_for_port,
)


def _assert_consultation(row: dict) -> None:
    assert row["reference"].startswith("KV-")
    assert row["status"] == "neu"
    assert row["channel"] == "smtp"
    assert "eligibility" in [topic["id"] for topic in row["topics"]]
    assert row["authority"] is not None and row["authority"]["key"].startswith("16")
    assert row["tasks"], "a follow-up task per topic"
    assert all({"title", "due", "status"} <= task.keys() for task in row["tasks"])


def _serve(env: dict[str, str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [EINGANG, "serve"], env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_mail_to_running_serve_becomes_consultation_on_embedded_default(tmp_path: Path):
    port = free_port()
    env = cli_env(smtp_port=port, web_port=free_port())
    # The embedded default: SQLite file in the working directory, in-process queue.
    run_cli(["db", "upgrade"], env, cwd=tmp_path)
    server = _serve(env, tmp_path)
    try:
        wait_for_port(port, process=server)
        send_smtp(port, municipal_mail())
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            send_smtp(port, municipal_mail(to="someone@example.org"))
        assert refused.value.recipients["someone@example.org"][0] == 550
        env_with_cwd_db = {**env, "EINGANG_DATABASE_URL": f"sqlite:///{tmp_path / 'eingang.db'}"}
        rows = wait_for_consultations(env_with_cwd_db, 1, timeout=60)
    finally:
        stop_process(server)
    assert len(rows) == 1
    _assert_consultation(rows[0])
    assert rows[0]["authority"]["key"] == "160615009"  # VG Leinetal, from domain and signature


@pytest.mark.redis
@pytest.mark.postgres
def test_mail_to_running_serve_becomes_consultation_on_redis_and_postgres(
    tmp_path: Path, postgres_url: str, redis_namespace: str
):
    port = free_port()
    env = cli_env(
        smtp_port=port,
        web_port=free_port(),
        database_url=postgres_url,
        redis_url=REDIS_TEST_URL,
        redis_namespace=redis_namespace,
    )
    run_cli(["db", "upgrade"], env, cwd=tmp_path)
    server = _serve(env, tmp_path)
    worker = subprocess.Popen(
        [EINGANG, "worker", "--processes", "1", "--threads", "2"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(port, process=server)
        for index in range(3):
            send_smtp(port, municipal_mail(message_id=f"<e2e-{index}-{redis_namespace}@vg-leinetal.de>"))
        rows = wait_for_consultations(env, 3, timeout=90)
    finally:
        stop_process(worker)
        stop_process(server)
    assert len(rows) == 3
    for row in rows:
        _assert_consultation(row)
    assert len({row["reference"] for row in rows}) == 3
