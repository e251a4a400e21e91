"""Helpers for tests that run the real `eingang` command as a user would."""

from __future__ import annotations

import json
import os
import shutil
import smtplib
import socket
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

EINGANG = shutil.which("eingang", path=str(Path(sys.executable).parent)) or "eingang"


def cli_env(**settings: str) -> dict[str, str]:
    """The environment for a subprocess: no developer .env influence, only these settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EINGANG_")}
    env.update({f"EINGANG_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def run_cli(args: list[str], env: dict[str, str], *, cwd: Path | None = None, check: bool = True, timeout: float = 120):
    result = subprocess.run(
        [EINGANG, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"eingang {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def wait_for_port(port: int, timeout: float = 30, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            out, err = process.communicate()
            raise AssertionError(f"process ended early ({process.returncode}):\n{out}\n{err}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port} after {timeout}s")


def stop_process(process: subprocess.Popen, timeout: float = 15) -> tuple[str, str]:
    if process.poll() is None:
        process.terminate()
        try:
            return process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.communicate()


def municipal_mail(
    *,
    sender: str = "Hauptamt VG Leinetal <hauptamt@vg-leinetal.de>",
    to: str = "egovernment@tfm.thueringen.de",
    subject: str = "Förderfähigkeit unseres DMS nach ThürEGovRL",
    body: str = (
        "Sehr geehrte Damen und Herren,\n\n"
        "wir planen die Einführung eines Dokumentenmanagementsystems. Ist das Vorhaben nach der "
        "ThürEGovRL förderfähig, und wie hoch ist der Eigenanteil?\n\n"
        "Mit freundlichen Grüßen\nAnja Beispiel\nVerwaltungsgemeinschaft Leinetal\n37308 Bodenrode-Westhausen\n"
    ),
    message_id: str | None = None,
    extra_headers: dict[str, str] | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    if message_id:
        message["Message-ID"] = message_id
    for name, value in (extra_headers or {}).items():
        message[name] = value
    message.set_content(body)
    return message


def send_smtp(port: int, message: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.send_message(message)


def wait_for_consultations(env: dict[str, str], count: int, timeout: float = 60) -> list[dict]:
    deadline = time.monotonic() + timeout
    rows: list[dict] = []
    while time.monotonic() < deadline:
        rows = json.loads(run_cli(["consultations", "list", "--format", "json"], env).stdout)
        if len(rows) >= count:
            return rows
        time.sleep(0.5)
    raise AssertionError(f"expected {count} consultations within {timeout}s, have {len(rows)}")
