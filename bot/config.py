"""Settings: constructor arguments > environment (WORKPLAN_<SECTION>__<KEY>) > config.toml."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

CONFIG_ENV = "WORKPLAN_CONFIG"
DEFAULT_CONFIG_FILE = Path("config.toml")
SUPPORTED_LOCALES = ("ru", "en")


class _Section(BaseModel):
    # A misspelt key in config.toml must stop start-up, not be silently ignored.
    model_config = ConfigDict(extra="forbid")


class WebhookSettings(_Section):
    url: str = ""
    path: str = "/telegram/webhook"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    secret_token: SecretStr | None = None


class TelegramSettings(_Section):
    token: SecretStr | None = None
    api_url: str = ""
    mode: Literal["polling", "webhook"] = "polling"
    polling_timeout: int = Field(default=30, ge=1, le=60)
    webhook: WebhookSettings = WebhookSettings()

    @field_validator("api_url")
    @classmethod
    def _api_url_is_http(cls, value: str) -> str:
        value = value.strip()
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _webhook_needs_url(self) -> TelegramSettings:
        if self.mode == "webhook" and not self.webhook.url:
            raise ValueError('mode "webhook" needs telegram.webhook.url')
        return self


class DatabaseSettings(_Section):
    url: str = "sqlite+aiosqlite:///data/workplan.db"
    echo: bool = False
    upgrade_on_start: bool = True


class BotSettings(_Section):
    admins: list[int] = []
    default_timezone: str = "Europe/Moscow"
    default_locale: str = "ru"
    invite_ttl_hours: int = Field(default=72, ge=1, le=24 * 90)
    max_upload_mb: int = Field(default=10, ge=1, le=20)

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("default_locale")
    @classmethod
    def _supported_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value


class ReminderSettings(_Section):
    """The default reminder policy; each cluster's coordinator changes it with /settings."""

    days_before: list[int] = [7, 3, 1]
    on_the_day: bool = True
    hour: int = Field(default=9, ge=0, le=23)
    overdue_every: int = Field(default=2, ge=1, le=30)
    overdue_times: int = Field(default=5, ge=0, le=30)
    escalate_after: int = Field(default=3, ge=0, le=60)
    checkin_monthly: bool = True
    undated_weekly: bool = True
    awaiting_after: int = Field(default=2, ge=1, le=30)
    quiet_start: int = Field(default=20, ge=0, le=23)
    quiet_end: int = Field(default=8, ge=0, le=23)
    # How often the bot looks for reminders that are due, seconds.
    sweep_seconds: int = Field(default=60, ge=1, le=3600)

    @field_validator("days_before")
    @classmethod
    def _days(cls, value: list[int]) -> list[int]:
        if any(not 1 <= day <= 60 for day in value):
            raise ValueError("each day must be from 1 to 60")
        return sorted(set(value), reverse=True)


class SummarySettings(_Section):
    """The weekly summary posted to each cluster's group (coordinators change it in /settings)."""

    # Day of the week, 1 = Monday … 7 = Sunday, and the local hour of the post.
    weekday: int = Field(default=1, ge=1, le=7)
    hour: int = Field(default=9, ge=0, le=23)


class BrandingSettings(_Section):
    """Default colours and logo of the chart, the exports and the web page."""

    primary: str = Field(default="#1F4E79", pattern=r"^#[0-9a-fA-F]{6}$")
    accent: str = Field(default="#C55A11", pattern=r"^#[0-9a-fA-F]{6}$")
    text: str = Field(default="#1A1A1A", pattern=r"^#[0-9a-fA-F]{6}$")
    background: str = Field(default="#FFFFFF", pattern=r"^#[0-9a-fA-F]{6}$")
    muted: str = Field(default="#D9D9D9", pattern=r"^#[0-9a-fA-F]{6}$")
    logo: str = ""
    organization: str = ""


class DeliverySettings(_Section):
    """Telegram's limits on what a bot sends; the sender keeps within them."""

    # Messages per second over all chats.
    global_per_second: float = Field(default=30.0, gt=0, le=1000)
    # Messages per second to one private chat.
    per_chat_per_second: float = Field(default=1.0, gt=0, le=100)
    # Messages per minute to one group.
    per_group_per_minute: float = Field(default=20.0, gt=0, le=1000)


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="WORKPLAN_",
        env_nested_delimiter="__",
        extra="forbid",
        toml_file=DEFAULT_CONFIG_FILE,
    )

    telegram: TelegramSettings = TelegramSettings()
    database: DatabaseSettings = DatabaseSettings()
    bot: BotSettings = BotSettings()
    reminders: ReminderSettings = ReminderSettings()
    summary: SummarySettings = SummarySettings()
    branding: BrandingSettings = BrandingSettings()
    delivery: DeliverySettings = DeliverySettings()
    logging: LoggingSettings = LoggingSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, config_path()))

    @model_validator(mode="after")
    def _token_from_bot_token(self) -> Settings:
        # BOT_TOKEN is what most hosting guides and aiogram examples use; accept it as a fallback.
        if self.telegram.token is None and os.environ.get("BOT_TOKEN"):
            self.telegram.token = SecretStr(os.environ["BOT_TOKEN"])
        return self


class ConfigError(Exception):
    """A setting is missing or wrong; ``key`` names it as written in config.toml."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        self.problem = problem
        super().__init__(f"{key}: {problem}")


def config_path() -> Path:
    return Path(os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG_FILE)


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning pydantic's report into one ConfigError that names the key."""
    from pydantic import ValidationError

    path = config_path()
    if os.environ.get(CONFIG_ENV) and not path.is_file():
        raise ConfigError(CONFIG_ENV, f"file {path} not found")
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise ConfigError(key, first["msg"]) from None
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise ConfigError(str(path), str(exc)) from None


def require_token(settings: Settings) -> str:
    token = settings.telegram.token.get_secret_value().strip() if settings.telegram.token else ""
    if not token:
        raise ConfigError("telegram.token", "missing")
    return token
