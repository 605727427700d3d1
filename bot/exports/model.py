"""What an export holds, independent of the format: the plan in its own layout with the
«Отметка о выполнении» filled from the reports, and every report.

The document is Russian, as the plans are: the phrases of the mark column live here, next to
the data they are made of, so that every writer prints the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bot.domain.branding import Branding

PAGE_TITLE = "План работы кластера и его выполнение"
REPORTS_TITLE = "Отчёты исполнителей"
APPROVE = "УТВЕРЖДАЮ"
COLUMNS = (
    "№ п/п",
    "Наименование мероприятия",
    "Исполнители",
    "Срок исполнения",
    "Результат",
    "Отметка о выполнении",
)
REPORT_COLUMNS = ("Дата", "№ пункта", "Колледж", "Автор", "Вид", "Текст", "Решение")


# Characters XML 1.0 cannot hold (user text may carry them): every writer drops them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def day(value: date | None) -> str:
    """A date as the plans write it: «01.05.2022»."""
    return value.strftime("%d.%m.%Y") if value else ""


class MarkState(StrEnum):
    DONE = "done"  # accepted
    SUBMITTED = "submitted"  # reported, the coordinator has not decided yet
    OVERDUE = "overdue"
    MOVED = "moved"
    IN_PROGRESS = "in_progress"
    NO_DATE = "no_date"
    CLOSED = "closed"  # the coordinator closed the item as done
    CANCELLED = "cancelled"  # taken off control
    IMPORTED = "imported"  # the mark as the imported plan wrote it, nothing reported since


@dataclass(frozen=True, slots=True)
class Mark:
    """One line of «Отметка о выполнении»: the item's (shared) or one college's."""

    state: MarkState
    organization: str | None = None
    when: date | None = None  # done / reported on; due date otherwise
    author: str | None = None
    comment: str | None = None
    days_overdue: int = 0
    moved_to: date | None = None
    done_count: int = 0  # of a recurring item: dates done of ``total``
    total: int = 1

    @property
    def text(self) -> str:
        org = self.organization
        if self.state in (MarkState.DONE, MarkState.SUBMITTED):
            who = ", ".join(p for p in (org, self.author) if p)
            head = "Выполнено" if self.state is MarkState.DONE else "Отчёт на проверке"
            line = f"{head} {day(self.when)}"
            if who:
                line += f" — {who}"
            if self.comment:
                line += f": {self.comment}"
            return line + self._count()
        if self.state is MarkState.OVERDUE:
            line = f"Не выполнено, просрочено на {self.days_overdue} дн."
            if self.moved_to is not None:
                line += f" (срок перенесён на {day(self.moved_to)})"
        elif self.state is MarkState.MOVED:
            line = f"Срок перенесён на {day(self.moved_to)}"
        elif self.state is MarkState.IN_PROGRESS:
            line = f"В работе, срок {day(self.when)}"
        elif self.state is MarkState.NO_DATE:
            line = "В работе, срок не назначен"
        elif self.state is MarkState.CLOSED:
            line = "Выполнено" + (f": {self.comment}" if self.comment else "")
        elif self.state is MarkState.CANCELLED:
            line = "Снято с контроля" + (f": {self.comment}" if self.comment else "")
        else:
            line = self.comment or ""
        prefix = f"{org}: " if org else ""
        return prefix + line + self._count()

    @property
    def late(self) -> bool:
        return self.state is MarkState.OVERDUE

    def _count(self) -> str:
        if self.total <= 1:
            return ""
        return f" (выполнено сроков: {self.done_count} из {self.total})"


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    text: str
    target: str | None
    actual: str | None
    year: int | None = None

    @property
    def line(self) -> str:
        """«2022 год: 50% / 40%» — target beside actual («—» while none is reported)."""
        label = f"{self.year} год" if self.year else "Показатель"
        if self.target is None:
            return f"{self.text} / {self.actual or '—'}"
        return f"{label}: {self.target} / {self.actual or '—'}"


@dataclass(frozen=True, slots=True)
class ExportItem:
    number: str
    text: str
    executors: str
    deadline: str  # the phrase as the plan wrote it
    moved_to: date | None  # the plan's date moved (for every college)
    result: str
    indicators: tuple[IndicatorLine, ...] = ()
    marks: tuple[Mark, ...] = ()
    per_organization: bool = False

    @property
    def deadline_text(self) -> str:
        if self.moved_to is None:
            return self.deadline
        moved = f"перенесён на {day(self.moved_to)}"
        return f"{self.deadline} ({moved})" if self.deadline else moved.capitalize()

    @property
    def result_lines(self) -> tuple[str, ...]:
        lines = [self.result] if self.result else []
        lines += [i.line for i in self.indicators]
        return tuple(lines)

    @property
    def mark_lines(self) -> tuple[str, ...]:
        return tuple(m.text for m in self.marks)


@dataclass(frozen=True, slots=True)
class ExportSection:
    title: str
    items: tuple[ExportItem, ...]


_KINDS = {
    "done": "Выполнено",
    "progress": "Ход выполнения",
    "comment": "Комментарий, файлы",
    "extension_request": "Просьба о переносе срока",
}
_DECISIONS = {
    "accepted": "Принят",
    "returned": "Возвращён на доработку",
    "approved": "Перенос одобрен",
    "rejected": "Перенос отклонён",
}


@dataclass(frozen=True, slots=True)
class ExportReport:
    when: date
    item_number: str
    organization: str
    author: str
    kind: str  # ReportKind's value: done, progress, comment, extension_request
    text: str
    decision: str  # ReportDecision's value, or "" while none is made
    requested_due_date: date | None = None
    reason: str = ""  # the coordinator's words with the decision

    @property
    def kind_text(self) -> str:
        words = _KINDS.get(self.kind, self.kind)
        if self.requested_due_date is not None:
            words += f" на {day(self.requested_due_date)}"
        return words

    @property
    def decision_text(self) -> str:
        if not self.decision:
            return "Ожидает решения" if self.kind in ("done", "extension_request") else "—"
        words = _DECISIONS.get(self.decision, self.decision)
        return f"{words}: {self.reason}" if self.reason else words

    @property
    def cells(self) -> tuple[str, ...]:
        return (
            day(self.when),
            self.item_number,
            self.organization,
            self.author,
            self.kind_text,
            self.text,
            self.decision_text,
        )


@dataclass(frozen=True, slots=True)
class Approval:
    """The «УТВЕРЖДАЮ» block as the importer kept it: the approver's name and the date."""

    approver: str | None
    approved_on: date | None

    @property
    def lines(self) -> tuple[str, ...]:
        lines = [APPROVE]
        if self.approver:
            lines.append(f"_______________ {self.approver}")
        if self.approved_on:
            month = _MONTHS[self.approved_on.month - 1]
            lines.append(f"«{self.approved_on.day:02d}» {month} {self.approved_on.year} г.")
        return tuple(lines)


_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)


@dataclass(frozen=True, slots=True)
class PlanExport:
    cluster: str
    title: str
    approval: Approval | None
    today: date
    sections: tuple[ExportSection, ...]
    reports: tuple[ExportReport, ...]
    branding: Branding = field(default_factory=Branding)
    logo: bytes | None = None  # PNG or JPEG, read by the service from the branding's file

    @property
    def items(self) -> tuple[ExportItem, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def as_of(self) -> str:
        return f"Отметки о выполнении — по состоянию на {day(self.today)}"
