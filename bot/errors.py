"""Domain errors: each carries a locale message key and the arguments for that message."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the product was broken; the user is told ``key`` in their language."""

    key: str = "error-domain"

    def __init__(self, key: str | None = None, /, **args: Any) -> None:
        if key is not None:
            self.key = key
        self.args_for_message: dict[str, Any] = args
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
    ``doc-zip-bomb``, ``doc-unsupported-format``, ``doc-encoding``, ``doc-not-a-plan``.
    """

    key = "doc-not-a-plan"
