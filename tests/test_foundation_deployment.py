"""Deployment files and the command line: docker-compose services call commands that exist with
settings that exist (Docker cannot run here), every command has --help, migrations match the
models on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
import yaml
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel
from typer.testing import CliRunner

from eingang.cli.main import app
from eingang.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
COMMAND = typer.main.get_command(app)


def _is_group(command: object) -> bool:
    # typer may bundle its own click, so duck-type instead of isinstance(click.Group)
    return hasattr(command, "commands")


def _all_command_paths(group: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    if _is_group(group):
        for name, command in group.commands.items():
            paths.extend(_all_command_paths(command, (*prefix, name)))
    return paths


def _resolve(args: list[str]) -> tuple[object, list[str]]:
    """The click command that `eingang ARGS` runs, and the arguments left for it."""
    command: object = COMMAND
    rest = list(args)
    while _is_group(command) and rest and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    return command, rest


def _compose_services() -> dict[str, dict]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def test_every_command_has_help():
    runner = CliRunner()
    paths = _all_command_paths(COMMAND)
    assert ("serve",) in paths and ("worker",) in paths and ("ingest",) in paths
    assert ("db", "upgrade") in paths and ("consultations", "list") in paths
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Aufruf:" in result.output


def test_compose_services_call_existing_commands_with_existing_settings():
    services = _compose_services()
    eingang_services = {name: s for name, s in services.items() if s.get("build") or s.get("image") == "eingang:latest"}
    assert {"receiver", "worker", "scheduler", "migrate"} <= eingang_services.keys()
    assert {"postgres", "redis"} <= services.keys()
    known_settings = {f"EINGANG_{name.upper()}" for name in Settings.model_fields}
    for name, service in eingang_services.items():
        command, rest = _resolve(service["command"])
        assert not _is_group(command), f"{name}: {service['command']} is not a complete command"
        # Every option the service passes must exist on that command.
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        for token in rest:
            if token.startswith("-"):
                assert token in options, f"{name}: unknown option {token} for {service['command']}"
        for variable in service.get("environment", {}):
            assert variable in known_settings, f"{name}: {variable} is not a setting"
        settings = Settings(
            _env_file=None, **{k[len("EINGANG_") :].lower(): v for k, v in service["environment"].items()}
        )
        assert settings.redis_url and settings.database_url.startswith("postgresql")


def test_compose_scrapes_every_process_over_the_internal_network_only():
    """receiver's /metrics behind the token; worker and scheduler on their own metrics port,
    reachable from the compose network (not loopback) but not published on the host; the
    Prometheus config of deploy/ scrapes exactly those; the README names the ports."""
    services = _compose_services()
    receiver = services["receiver"]["environment"]
    assert "EINGANG_METRICS_TOKEN" in receiver
    ports: dict[str, int] = {}
    for name in ("worker", "scheduler"):
        service = services[name]
        environment = service["environment"]
        port = int(environment["EINGANG_METRICS_PORT"])
        assert environment["EINGANG_METRICS_HOST"] not in ("127.0.0.1", "localhost", "::1"), name
        assert str(port) in [str(p) for p in service.get("expose", [])], name
        assert "ports" not in service, f"{name}: metrics port must not be published on the host"
        ports[name] = port
    prometheus = services["prometheus"]
    assert all(str(p).startswith("127.0.0.1:") for p in prometheus["ports"])
    assert "metrics_token" in prometheus["secrets"]

    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text())
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    web = jobs["eingang-receiver"]
    assert web["metrics_path"] == "/metrics"
    assert web["static_configs"][0]["targets"] == ["receiver:8000"]
    assert web["authorization"]["credentials_file"] == "/run/secrets/metrics_token"
    for name, port in ports.items():
        job = jobs[f"eingang-{name}"]
        assert job["dns_sd_configs"][0]["names"] == [name] and job["dns_sd_configs"][0]["port"] == port
    # the metrics carry a label "job" (the periodic job): kept, not renamed to exported_job
    assert all(job.get("honor_labels") is True for job in jobs.values())

    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("**Metrics for operators.**") :]
    section = section[: section.index("| metric | type | what |")]
    for port in ports.values():
        assert str(port) in section
    assert "deploy/prometheus/prometheus.yml" in section and "--profile monitoring" in section


def test_dockerfile_copies_every_package():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("eingang", "intake", "classifiers", "queue_workers", "models", "web"):
        assert f"COPY {package} ./{package}" in dockerfile
        assert (ROOT / package / "__init__.py").exists()


def _assert_models_match(engine) -> None:
    from models.search import is_index_table

    def include_name(name, type_, parent_names):  # the search index's tables are SQL-only (0007)
        return not (type_ == "table" and is_index_table(name))

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"


def test_migrations_run_on_sqlite_and_match_models(sqlite_runtime):
    _assert_models_match(sqlite_runtime.engine)


@pytest.mark.postgres
def test_migrations_run_on_postgres_and_match_models(postgres_runtime):
    _assert_models_match(postgres_runtime.engine)


def test_migrations_downgrade_and_upgrade_again(sqlite_runtime):
    from alembic import command

    from models.migrate import alembic_config, upgrade_database

    config = alembic_config(str(sqlite_runtime.engine.url))
    command.downgrade(config, "base")
    with sqlite_runtime.engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() is None
    upgrade_database(sqlite_runtime.engine)
    _assert_models_match(sqlite_runtime.engine)


@pytest.mark.postgres
def test_status_and_kind_columns_are_enums_in_python_and_strings_in_the_database(postgres_runtime):
    """Typed as StrEnum on the model, stored as the plain value in a VARCHAR column (no data
    migration); rows read back carry the enum member, and a filter on an unknown value is empty."""
    from sqlalchemy import text
    from sqlmodel import Session, select

    from models import Channel, Consultation, ConsultationStatus, Priority

    with Session(postgres_runtime.engine) as session:
        session.add(Consultation(reference="KV-2026-99999", subject="x", channel=Channel.SMTP))
        session.commit()
    with Session(postgres_runtime.engine) as session:
        raw = session.exec(text("SELECT status, channel, priority FROM consultation")).one()
        assert tuple(raw) == ("neu", "smtp", "normal")
        column_type = session.exec(
            text(
                "SELECT data_type FROM information_schema.columns"
                " WHERE table_name='consultation' AND column_name='status'"
            )
        ).one()[0]
        assert column_type == "character varying"
        row = session.exec(select(Consultation)).one()
        assert row.status is ConsultationStatus.NEW and row.channel is Channel.SMTP and row.priority is Priority.NORMAL
        assert session.exec(select(Consultation).where(Consultation.status == "gibt-es-nicht")).all() == []
