"""``eingang gazetteer load DIR``: a valid directory becomes the version the pipeline links
with; a malformed one is refused with a German message and changes nothing."""

from __future__ import annotations

import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from typer.testing import CliRunner

from casework.pipeline import process_stored_message
from classifiers.gazetteer import GAZETTEER_FILES, PACKAGED_DIR
from eingang.cli.main import app
from intake.channel import store_raw
from models import Consultation, GazetteerVersion, Municipality

BRAHMETAL_ROW = "Am Brahmetal,07580,Großenstein,"


@pytest.fixture
def cli(sqlite_runtime, tmp_path, monkeypatch):
    """Run ``eingang`` in-process against the test database."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EINGANG_DATABASE_URL", sqlite_runtime.settings.database_url)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def _copy_gazetteer(target: Path) -> Path:
    target.mkdir()
    for name in GAZETTEER_FILES:
        shutil.copy(PACKAGED_DIR / name, target / name)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _counts(engine) -> tuple[int, int]:
    with Session(engine) as session:
        versions = session.exec(select(func.count()).select_from(GazetteerVersion)).one()
        municipalities = session.exec(select(func.count()).select_from(Municipality)).one()
    return versions, municipalities


def _process(runtime, sender: str, body: str) -> Consultation:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "egovernment@tfm.thueringen.de"
    message["Subject"] = "Frage zur Förderung"
    message.set_content(body)
    inbound_id, _ = store_raw(runtime.engine, bytes(message), channel="smtp")
    with Session(runtime.engine) as session:
        result = process_stored_message(session, inbound_id, runtime=runtime)
        session.commit()
        return session.get(Consultation, result.consultation_id)


def test_loading_a_newer_gazetteer_makes_the_pipeline_link_with_it(cli, sqlite_runtime, tmp_path):
    newer = _copy_gazetteer(tmp_path / "neu")
    # the newer version knows the VG Am Brahmetal's own domain and no longer has Lederhose (merged)
    _edit(newer / "verwaltungsgemeinschaften.csv", BRAHMETAL_ROW, BRAHMETAL_ROW + "vg-am-brahmetal.de")
    gemeinden = newer / "gemeinden.csv"
    lines = gemeinden.read_text(encoding="utf-8").splitlines(keepends=True)
    gemeinden.write_text("".join(line for line in lines if not line.startswith("16076042,")), encoding="utf-8")
    _edit(newer / "verwaltungsgemeinschaften.csv", "16076033;16076042;", "16076033;")

    body = "Guten Tag,\n\nist ein DMS förderfähig?\n\nMit freundlichen Grüßen\nHauptamt"
    before = _process(sqlite_runtime, "Hauptamt <hauptamt@vg-am-brahmetal.de>", body)
    assert before.authority_key is None

    result = cli("gazetteer", "load", str(newer), "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["municipalities"] == 600 and summary["version"] == 1
    assert _counts(sqlite_runtime.engine) == (1, 600)

    after = _process(sqlite_runtime, "Hauptamt <hauptamt@vg-am-brahmetal.de>", body + "\nVG Am Brahmetal")
    assert after.authority_key == "160765008"
    with Session(sqlite_runtime.engine) as session:
        assert "16076042" not in sqlite_runtime.gazetteers.current(session).municipalities
        assert session.get(Municipality, "16076042") is None

    shown = cli("gazetteer", "show")
    assert shown.exit_code == 0 and "Gazetteer-Version 1" in shown.stdout
    # a later `eingang db upgrade` keeps the loaded version instead of the packaged one
    assert cli("db", "upgrade").exit_code == 0
    assert _counts(sqlite_runtime.engine) == (1, 600)


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("missing_file", "fehlt die Datei kreise.csv"),
        ("missing_column", "es fehlt die Spalte plz"),
        ("bad_key", "kein 8-stelliger Thüringer Schlüssel"),
        ("unknown_member", "unbekannte oder fehlende Mitglieder 16099999"),
    ],
)
def test_a_malformed_gazetteer_is_refused_in_german_and_changes_nothing(
    cli, sqlite_runtime, tmp_path, breakage, message
):
    broken = _copy_gazetteer(tmp_path / "kaputt")
    if breakage == "missing_file":
        (broken / "kreise.csv").unlink()
    elif breakage == "missing_column":
        _edit(
            broken / "gemeinden.csv",
            "ags,name,type,kreis_ags,kreis_name,verwaltungsgemeinschaft,plz,",
            "ags,name,type,kreis_ags,kreis_name,verwaltungsgemeinschaft,postleitzahl,",
        )
    elif breakage == "bad_key":
        _edit(broken / "gemeinden.csv", "16053000,Jena,", "1605300,Jena,")
    else:
        _edit(broken / "verwaltungsgemeinschaften.csv", "16076033;", "16099999;")
    before = _counts(sqlite_runtime.engine)

    result = cli("gazetteer", "load", str(broken))

    assert result.exit_code == 1
    assert "Gazetteer nicht geladen, nichts wurde geändert." in result.output
    assert message in result.output
    assert _counts(sqlite_runtime.engine) == before == (0, 601)
    with Session(sqlite_runtime.engine) as session:
        assert sqlite_runtime.gazetteers.current(session).municipalities["16053000"].name == "Jena"


def test_loading_a_directory_that_does_not_exist_is_refused(cli, tmp_path):
    result = cli("gazetteer", "load", str(tmp_path / "gibt-es-nicht"))
    assert result.exit_code == 1 and "gibt es nicht" in result.output
