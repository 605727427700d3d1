"""Logging set-up; the bot token is redacted from every record, whatever logs it."""

from __future__ import annotations

import logging

from bot.config import Settings


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            if any(secret in message for secret in self.secrets):
                for secret in self.secrets:
                    message = message.replace(secret, "***")
                record.msg, record.args = message, None
        return True


def setup_logging(settings: Settings) -> None:
    token = settings.telegram.token.get_secret_value() if settings.telegram.token else ""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets([token]))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.logging.level)
    logging.getLogger("aiogram.event").setLevel(max(logging.INFO, root.level))
    # Alembic narrates every plugin it loads; only its problems are worth a line.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))
