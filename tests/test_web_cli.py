"""`eingang users add/token/list` as an operator runs them, and `eingang serve` serving the web app."""

from __future__ import annotations

import json
import subprocess

import httpx
from fastapi.testclient import TestClient

from tests.conftest import free_port
from tests.helpers import EINGANG, cli_env, run_cli, stop_process, wait_for_port
from tests.test_web_support import csrf_from, web_runtime
from web.app import create_app


def run(args: list[str], env: dict, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([EINGANG, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_users_add_token_and_login(sqlite_url):
    runtime = web_runtime(sqlite_url)
    env = cli_env(database_url=sqlite_url)
    added = run(
        [
            "users",
            "add",
            "Erika",
            "--role",
            "leitung",
            "--name",
            "Erika Muster",
            "--team-lead",
            "--email",
            "erika@tfm.thueringen.de",
            "--password-stdin",
        ],
        env,
        "ein-langes-passwort\n",
    )
    assert added.returncode == 0, added.stderr
    assert "Benutzer erika (leitung) angelegt." in added.stdout
    again = run(["users", "add", "erika", "--role", "berater", "--password-stdin"], env, "ein-langes-passwort\n")
    assert again.returncode == 1 and "gibt es schon" in again.stderr
    wrong_role = run(["users", "add", "max", "--role", "chef", "--password-stdin"], env, "ein-langes-passwort\n")
    assert wrong_role.returncode == 1 and "Unbekannte Rolle" in wrong_role.stderr
    short = run(["users", "add", "max", "--role", "berater", "--password-stdin"], env, "kurz\n")
    assert short.returncode == 1 and "mindestens 10 Zeichen" in short.stderr
    token = run(["users", "token", "erika"], env)
    assert token.returncode == 0 and token.stdout.startswith("eg_")
    assert run(["users", "token", "niemand"], env).returncode == 1
    listing = run(["users", "list"], env).stdout
    assert "erika" in listing and "Teamleitung" in listing
    (listed,) = json.loads(run(["users", "list", "--format", "json"], env).stdout)

    with TestClient(create_app(runtime)) as client:
        me = client.get("/api/me", headers={"Authorization": f"Bearer {token.stdout.strip()}"}).json()
        assert me == listed  # one public schema (UserPublic) for the API and the CLI
        assert {k: me[k] for k in ("username", "display_name", "role", "is_team_lead", "has_api_token")} == {
            "username": "erika",
            "display_name": "Erika Muster",
            "role": "leitung",
            "is_team_lead": True,
            "has_api_token": True,
        }
        assert "password_hash" not in me and "api_token_hash" not in me
        page = client.get("/anmelden")
        response = client.post(
            "/anmelden",
            data={"username": "Erika", "password": "ein-langes-passwort", "csrf_token": csrf_from(page.text)},
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert client.get("/dashboard").status_code == 200
    runtime.engine.dispose()


def test_serve_serves_the_web_app(sqlite_url, tmp_path):
    web_runtime(sqlite_url).engine.dispose()
    web_port = free_port()
    env = cli_env(database_url=sqlite_url, smtp_port=free_port(), web_port=web_port)
    process = subprocess.Popen(
        [EINGANG, "serve"], env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_port(web_port, timeout=60, process=process)
        assert httpx.get(f"http://127.0.0.1:{web_port}/gesundheit").json() == {"status": "ok"}
        login = httpx.get(f"http://127.0.0.1:{web_port}/anmelden")
        assert login.status_code == 200 and "Anmelden" in login.text
    finally:
        stop_process(process)
    assert process.returncode == 0


def test_serve_refuses_to_start_the_web_app_without_a_secret_in_production(sqlite_url, tmp_path):
    web_runtime(sqlite_url).engine.dispose()
    env = cli_env(database_url=sqlite_url, smtp_port=free_port(), web_port=free_port(), environment="production")
    result = run_cli(["serve"], env, cwd=tmp_path, check=False, timeout=60)
    assert result.returncode != 0 and "EINGANG_WEB_SECRET_KEY" in result.stderr
