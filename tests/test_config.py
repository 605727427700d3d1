"""Settings: config.toml, environment overrides, BOT_TOKEN, and errors that name the key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings, require_token

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("WORKPLAN_") or name == "BOT_TOKEN":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "custom.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_defaults_match_the_committed_config_toml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKPLAN_CONFIG", str(ROOT / "config.toml"))
    from_file = load_settings()
    monkeypatch.delenv("WORKPLAN_CONFIG")
    built_in = load_settings()
    assert from_file.model_dump() == built_in.model_dump()
    assert built_in.database.url == "sqlite+aiosqlite:///data/workplan.db"
    assert built_in.bot.default_timezone == "Europe/Moscow"
    assert built_in.telegram.mode == "polling"


def test_every_key_of_config_toml_has_a_comment() -> None:
    lines = (ROOT / "config.toml").read_text(encoding="utf-8").splitlines()
    tomllib.loads("\n".join(lines))  # it parses
    for index, line in enumerate(lines):
        if "=" in line and not line.lstrip().startswith("#"):
            assert lines[index - 1].lstrip().startswith("#"), f"no comment above: {line}"


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _write(tmp_path, '[database]\nurl = "sqlite+aiosqlite:///from-file.db"\n')
    monkeypatch.setenv("WORKPLAN_CONFIG", str(path))
    assert load_settings().database.url.endswith("from-file.db")
    monkeypatch.setenv("WORKPLAN_DATABASE__URL", "sqlite+aiosqlite:///from-env.db")
    monkeypatch.setenv("WORKPLAN_BOT__ADMINS", "[1, 2]")
    settings = load_settings()
    assert settings.database.url.endswith("from-env.db")
    assert settings.bot.admins == [1, 2]


def test_token_comes_from_the_environment_or_bot_token(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError) as missing:
        require_token(load_settings())
    assert missing.value.key == "telegram.token"
    monkeypatch.setenv("BOT_TOKEN", "1:from-bot-token")
    assert require_token(load_settings()) == "1:from-bot-token"
    monkeypatch.setenv("WORKPLAN_TELEGRAM__TOKEN", "2:preferred")
    assert require_token(load_settings()) == "2:preferred"


def test_the_token_never_shows_in_the_settings_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKPLAN_TELEGRAM__TOKEN", "123:very-secret")
    settings = load_settings()
    assert "very-secret" not in repr(settings)
    assert "very-secret" not in str(settings.model_dump())


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('[telegram]\nmode = "carrier-pigeon"\n', "telegram.mode"),
        ('[bot]\ndefault_timezone = "Mars/Olympus"\n', "bot.default_timezone"),
        ('[bot]\ndefault_locale = "de"\n', "bot.default_locale"),
        ('[telegram]\napi_url = "ftp://example"\n', "telegram.api_url"),
        ('[telegram]\nmode = "webhook"\n', "telegram"),
        ('[bot]\nadmins = "me"\n', "bot.admins"),
        ("[bot]\nunknown_key = 1\n", "bot.unknown_key"),
        ("[bot\n", "custom.toml"),
    ],
)
def test_a_wrong_setting_is_reported_with_its_key(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str, key: str
) -> None:
    monkeypatch.setenv("WORKPLAN_CONFIG", str(_write(tmp_path, body)))
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert key in error.value.key


def test_a_missing_config_file_named_by_workplan_config_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("WORKPLAN_CONFIG", str(tmp_path / "absent.toml"))
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert error.value.key == "WORKPLAN_CONFIG"


def test_the_summary_schedule_and_branding_of_config_reach_the_bot() -> None:
    from bot.app import service_settings
    from bot.services.registry import build_services
    from storage.db import create_engine, create_session_factory
    from storage.uow import Storage
    from tests.fakes import FixedClock

    settings = Settings(
        summary={"weekday": 3, "hour": 11},
        branding={"primary": "#0B5394", "organization": "Координационный совет"},
    )
    services = service_settings(settings)
    assert (services.summary_schedule.weekday, services.summary_schedule.hour) == (3, 11)
    assert services.branding.primary == "#0B5394"
    assert services.branding.organization == "Координационный совет"
    # The services each update's handlers are given carry them (as the sender and sweep do).
    session = create_session_factory(create_engine("sqlite+aiosqlite://"))()
    built = build_services(Storage(session), FixedClock(), services)
    assert built.summaries.default is services.summary_schedule
    assert built.summaries.default_branding is services.branding
    assert built.exports.branding is services.branding
