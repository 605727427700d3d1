"""Domain errors: each carries a locale message key and the arguments for that message."""

from __future__ import annotations

from typing import Any

ECHO_LIMIT = 100  # characters of a person's own words repeated in a refusal


def _echo(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1].rstrip() + "…"


class DomainError(Exception):
    """A rule of the product was broken; the user is told ``key`` in their language."""

    key: str = "error-domain"

    def __init__(self, key: str | None = None, /, **args: Any) -> None:
        if key is not None:
            self.key = key
        # A refusal may repeat what the person typed («Пункт … не найден»): a long echo is cut
        # visibly, so the refusal always fits a message or an alert (the text is in their chat).
        self.args_for_message: dict[str, Any] = {
            name: _echo(value) if isinstance(value, str) else value for name, value in args.items()
        }
        super().__init__(self.key, args)


class AccessDenied(DomainError):
    key = "error-access-denied"


class NotFound(DomainError):
    key = "error-not-found"


class InvalidInput(DomainError):
    key = "error-invalid-input"


class InviteInvalid(DomainError):
    key = "error-invite-invalid"


class DocumentRejected(DomainError):
    """A file could not be read or is not a plan or a protocol; nothing was stored.

    Keys (all in the locale catalogues): ``doc-empty``, ``doc-too-large``, ``doc-corrupt``,
    ``doc-zip-bomb``, ``doc-unsupported-format``, ``doc-encoding``, ``doc-not-a-plan``,
    ``doc-a-report`` (a report of work done, titled so).
    """

    key = "doc-not-a-plan"
