"""Logging set-up; the bot token is redacted from every record, whatever logs it.

The token travels in every Bot API address (``…/bot<TOKEN>/getMe``, ``…/file/bot<TOKEN>/…``),
so an exception of the HTTP client can carry it in its message and in its traceback. The
formatter of the root handler redacts the whole formatted record — message, arguments, the
traceback (``exc_text``) and the stack — and an uncaught exception printed by the interpreter
goes through the same redaction.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

MASK = "***"
# A Bot API token is «<bot id>:<secret>»; in an address it follows «bot». Both shapes are
# redacted even when the token is not the configured one (a second bot, a typo in the config).
_TOKEN_IN_ADDRESS = re.compile(r"bot\d+:[A-Za-z0-9_-]+")
_TOKEN = re.compile(r"\b\d{5,}:[A-Za-z0-9_-]{30,}")


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without the given secrets and without anything shaped like a bot token."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    text = _TOKEN_IN_ADDRESS.sub("bot" + MASK, text)
    return _TOKEN.sub(MASK, text)


class RedactingFormatter(logging.Formatter):
    """Formats a record, then redacts the result; the cached traceback is redacted too, so a
    second handler reading ``record.exc_text`` does not see the token either."""

    def __init__(self, fmt: str | None = None, secrets: Iterable[str] = ()) -> None:
        super().__init__(fmt)
        self.secrets = tuple(s for s in secrets if s)

    def formatException(self, ei: logging._SysExcInfoType) -> str:
        return redact(super().formatException(ei), self.secrets)

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info), self.secrets)

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        return redact(super().format(record), self.secrets)


class RedactSecrets(logging.Filter):
    """Redacts the message of a record before any formatter sees it (a handler's own formatter
    may not be ours)."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message, self.secrets)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
        return True


def _install_excepthooks(secrets: tuple[str, ...]) -> None:
    """An exception nobody caught is printed redacted, from the main thread or any other."""
    import traceback

    def excepthook(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        text = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(redact(text, secrets))

    def thread_excepthook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread else "?"
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        sys.stderr.write(redact(f"Exception in thread {name}:\n{text}", secrets))

    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook


def configured_secrets(settings: Settings) -> tuple[str, ...]:
    """The bot token, the webhook's secret token and the database password, as configured."""
    telegram = settings.telegram
    found = [
        telegram.token.get_secret_value().strip() if telegram.token else "",
        telegram.webhook.secret_token.get_secret_value() if telegram.webhook.secret_token else "",
        _database_password(settings.database.url),
    ]
    # A very short value would redact ordinary words; such a secret protects nothing anyway.
    return tuple(secret for secret in found if len(secret) >= 4)


def _database_password(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).password or ""
    except (ArgumentError, ValueError):
        return ""


def setup_logging(settings: Settings) -> None:
    secrets = configured_secrets(settings)
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.logging.level)
    logging.getLogger("aiogram.event").setLevel(max(logging.INFO, root.level))
    # Alembic narrates every plugin it loads; only its problems are worth a line.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))
    _install_excepthooks(secrets)
