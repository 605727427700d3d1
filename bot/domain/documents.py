"""Plan and protocol model produced from a RawDocument (parsing: bot/domain/parsing.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from bot.domain.deadlines import Deadline, Period
from bot.domain.readers.base import RawDocument


class DocumentKind(StrEnum):
    PLAN = "plan"
    PROTOCOL = "protocol"


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something the coordinator should look at; rendered through the locale catalogues.

    ``code`` is a catalogue key such as ``warn-deadline-unrecognized``; ``args`` its arguments.
    """

    code: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Indicator:
    """A target line of an item, e.g. «2022 год – 50% от количества экспертов ДЭ»."""

    text: str
    year: int | None = None
    target: str | None = None


@dataclass(frozen=True, slots=True)
class PlanRoleRef:
    """A plan role found in the document with the aliases it declares («(далее – ОПК)»)."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedSection:
    number: str | None
    title: str


@dataclass(slots=True)
class ParsedItem:
    number: str
    section: str | None
    text: str
    executors: list[str]
    executors_text: str
    result: str | None
    done: bool
    deadline: Deadline
    mark_text: str | None = None
    notes: list[str] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    # No number in the document: numbered in order (the preview says so).
    numbered_by_order: bool = False


@dataclass(slots=True)
class ParsedDocument:
    kind: DocumentKind
    title: str
    date: date | None
    period: Period | None
    items: list[ParsedItem]
    sections: list[ParsedSection] = field(default_factory=list)
    roles: list[PlanRoleRef] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    number: str | None = None
    approver: str | None = None
    # What it was read from: a plan naming no period is read again in the one the coordinator
    # gives (bot.services.imports.in_period), every rule of the parse applied again.
    source: RawDocument | None = field(default=None, compare=False, repr=False)
