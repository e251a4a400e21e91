"""Operators work on consultations from the command line through the same workflow functions."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eingang.cli.main import app
from models import session_scope
from tests.test_workflow_lifecycle import add_user, make_consultation


@pytest.fixture
def cli(sqlite_runtime, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no developer .env
    env = {"EINGANG_DATABASE_URL": sqlite_runtime.settings.database_url}

    def run(*args: str, expect: int = 0) -> str:
        result = CliRunner().invoke(app, list(args), env=env)
        assert result.exit_code == expect, result.output
        return result.output

    with session_scope(sqlite_runtime.engine) as session:
        add_user(session, "anna")
        make_consultation(session, reference="KV-2026-00042", topics=("ozg_duties",))
    return run


def test_operator_commands_change_and_show_a_consultation(cli):
    assert "zuständig ist jetzt anna" in cli("consultations", "assign", "KV-2026-00042", "anna", "--actor", "lead")
    cli("consultations", "priority", "KV-2026-00042", "dringend", "--actor", "lead")
    cli("consultations", "note", "KV-2026-00042", "Bürgermeister ruft zurück", "--actor", "anna")
    cli("consultations", "confirm-topics", "KV-2026-00042", "--topic", "eligibility", "--actor", "anna")
    cli("consultations", "confirm-authority", "KV-2026-00042", "--key", "16051000", "--actor", "anna")
    refused = cli("consultations", "status", "KV-2026-00042", "neu", "--actor", "anna", expect=1)
    assert "nicht erlaubt" in refused
    cli("consultations", "close", "KV-2026-00042", "--reason", "telefonisch geklärt", "--actor", "anna")
    assert "Fehler: Beratungsfall KV-2026-99999 gibt es nicht." in cli(
        "consultations", "show", "KV-2026-99999", expect=1
    )

    detail = json.loads(cli("consultations", "show", "KV-2026-00042", "--format", "json"))
    assert detail["status"] == "abgeschlossen" and detail["assignee"] == "anna"
    assert detail["priority"] == "dringend" and [t["id"] for t in detail["topics"]] == ["eligibility"]
    assert detail["machine_topics"] == ["ozg_duties"] and detail["topics_confirmed"]
    assert detail["authority_confirmed"] and detail["authority"]["key"] == "16051000"
    assert detail["notes"][0]["text"] == "Bürgermeister ruft zurück"
    assert detail["allowed_transitions"] == ["in_bearbeitung"]
    assert [t["template"] for t in detail["tasks"]] == [
        "eligibility_check_applicant",
        "eligibility_send_guideline",
        "eligibility_follow_up",
    ]
    actions = [(e["actor"], e["action"]) for e in detail["audit"]]
    assert ("lead", "assigned") in actions and ("anna", "topics_corrected") in actions
    assert actions[-1] == ("anna", "closed")
    text = cli("consultations", "show", "KV-2026-00042")
    assert "Status: abgeschlossen" in text and "Zuständig: anna" in text
    # The audit trail in German sentences, as on the case page (no raw values).
    assert "Status: in Bearbeitung → abgeschlossen (Grund: telefonisch geklärt)" in text
    assert "Priorität: normal → dringend" in text and "Zuständig: niemand → anna" in text
    assert "{'" not in text


def test_task_commands_add_postpone_complete(cli):
    added = json.loads(
        cli("tasks", "add", "KV-2026-00042", "Unterlagen anfordern", "--until", "2999-01-04", "--format", "json")
    )
    task_id = str(added["id"])
    assert added["due"] == "2999-01-04"
    assert "Grund" in cli("tasks", "postpone", task_id, "--reason", " ", "--days", "2", expect=1)
    cli("tasks", "postpone", task_id, "--reason", "Kommune bittet um Aufschub", "--until", "11.01.2999")
    cli("tasks", "assign", task_id, "anna")
    listed = json.loads(cli("tasks", "list", "--assignee", "anna", "--format", "json"))
    assert [(t["title"], t["due"], t["postponed_reason"]) for t in listed] == [
        ("Unterlagen anfordern", "2999-01-11", "Kommune bittet um Aufschub")
    ]
    cli("tasks", "complete", task_id)
    assert json.loads(cli("tasks", "list", "--assignee", "anna", "--format", "json")) == []


def test_answer_command_sends_through_the_relay(sqlite_runtime, smtp_sink, tmp_path, monkeypatch):
    sink, port = smtp_sink
    monkeypatch.chdir(tmp_path)
    with session_scope(sqlite_runtime.engine) as session:
        make_consultation(session, reference="KV-2026-00043")
    env = {
        "EINGANG_DATABASE_URL": sqlite_runtime.settings.database_url,
        "EINGANG_RELAY_HOST": "127.0.0.1",
        "EINGANG_RELAY_PORT": str(port),
    }
    result = CliRunner().invoke(
        app,
        ["consultations", "answer", "KV-2026-00043", "--waiting", "--actor", "anna"],
        input="Welche Kommune?\n",
        env=env,
    )
    assert result.exit_code == 0, result.output
    (sent,) = sink.parsed()
    assert sent["Subject"] == "Re: Frage [KV-2026-00043]" and sent["To"] == "hauptamt@leinetal.de"
    assert sent.get_content().strip() == "Welche Kommune?"
    shown = CliRunner().invoke(app, ["consultations", "show", "KV-2026-00043", "--format", "json"], env=env)
    detail = json.loads(shown.stdout)
    assert detail["status"] == "wartet_auf_rueckmeldung" and detail["first_response_at"]
    assert [m["direction"] for m in detail["messages"]] == ["outbound"]


def test_answer_command_takes_to_and_cc_and_makes_them_contacts(sqlite_runtime, smtp_sink, tmp_path, monkeypatch):
    sink, port = smtp_sink
    monkeypatch.chdir(tmp_path)
    with session_scope(sqlite_runtime.engine) as session:
        make_consultation(session, reference="KV-2026-00044")
    env = {
        "EINGANG_DATABASE_URL": sqlite_runtime.settings.database_url,
        "EINGANG_RELAY_HOST": "127.0.0.1",
        "EINGANG_RELAY_PORT": str(port),
    }
    command = ["consultations", "answer", "KV-2026-00044", "--text", "Siehe Anlage.", "--actor", "anna"]
    command += ["--to", "buergermeister@leinetal.de", "--cc", "kaemmerei@leinetal.de", "--cc", "it@leinetal.de"]
    result = CliRunner().invoke(app, command, env=env)
    assert result.exit_code == 0, result.output
    (sent,) = sink.parsed()
    assert sent["To"] == "buergermeister@leinetal.de"
    assert sent["Cc"] == "kaemmerei@leinetal.de, it@leinetal.de"
    shown = CliRunner().invoke(app, ["consultations", "show", "KV-2026-00044", "--format", "json"], env=env)
    contacts = {c["address"] for c in json.loads(shown.stdout)["contacts"]}
    assert {"buergermeister@leinetal.de", "kaemmerei@leinetal.de", "it@leinetal.de"} <= contacts

    bad = CliRunner().invoke(
        app, ["consultations", "answer", "KV-2026-00044", "--text", "x", "--to", "kein-mail"], env=env
    )
    assert bad.exit_code != 0 and len(sink.parsed()) == 1  # an invalid address: a German error, nothing sent
