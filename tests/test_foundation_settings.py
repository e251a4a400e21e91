"""Settings: the documented defaults and environment parsing."""

from __future__ import annotations

from pathlib import Path

from eingang.settings import Settings
from intake.recipients import RecipientPolicy


def test_defaults_are_the_embedded_setup(monkeypatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    for name in list(__import__("os").environ):
        if name.startswith("EINGANG_"):
            monkeypatch.delenv(name)
    settings = Settings(_env_file=None)
    assert settings.database_url == f"sqlite:///{tmp_path / 'eingang.db'}"
    assert settings.redis_url is None and settings.embedded_queue
    assert (settings.smtp_host, settings.smtp_port) == ("127.0.0.1", 8025)
    assert settings.accepted_recipients == ["egovernment@tfm.thueringen.de", "kompetenzzentrum@tfm.thueringen.de"]


def test_environment_and_dotenv(monkeypatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("EINGANG_SMTP_PORT=2525\nEINGANG_REDIS_URL=redis://r:6379/1\n")
    monkeypatch.setenv("EINGANG_ACCEPTED_RECIPIENTS", "Poststelle@TFM.Thueringen.de, @kv.thueringen.de")
    settings = Settings()
    assert settings.smtp_port == 2525
    assert settings.redis_url == "redis://r:6379/1" and not settings.embedded_queue
    policy = RecipientPolicy(settings.accepted_recipients)
    assert policy.accepts("poststelle@tfm.thueringen.de")
    assert policy.accepts("<Anyone@KV.thueringen.de>")
    assert not policy.accepts("egovernment@tfm.thueringen.de")
    assert not policy.accepts("x@evil-kv.thueringen.de")


def test_secrets_are_secret_str_and_config_show_masks_them(monkeypatch, tmp_path: Path):
    from typer.testing import CliRunner

    from eingang.cli.main import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("EINGANG_RELAY_PASSWORD", "relay-geheim")
    monkeypatch.setenv("EINGANG_IMAP_PASSWORD", "imap-geheim")
    monkeypatch.setenv("EINGANG_WEB_SECRET_KEY", "k" * 40)
    monkeypatch.setenv("EINGANG_DATABASE_URL", "postgresql+psycopg://eingang:db-geheim@db.example:5432/eingang")
    settings = Settings(_env_file=None)
    assert settings.relay_password.get_secret_value() == "relay-geheim"
    assert settings.imap_password.get_secret_value() == "imap-geheim"
    assert settings.web_secret_key.get_secret_value() == "k" * 40
    assert "geheim" not in repr(settings).replace("db-geheim", "") and "k" * 40 not in repr(settings)
    for output_format in ("text", "json"):
        result = CliRunner().invoke(app, ["config", "show", "--format", output_format])
        assert result.exit_code == 0, result.output
        assert "geheim" not in result.output and "k" * 40 not in result.output
        assert "postgresql+psycopg://eingang:***@db.example:5432/eingang" in result.output
        assert "EINGANG_RELAY_PASSWORD" in result.output and "***" in result.output
