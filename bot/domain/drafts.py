"""A report being written: comment and files collected over several messages until «Отправить»."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from bot.errors import InvalidInput

MAX_FILES = 10
MAX_TEXT = 4000  # characters of the comment; a longer addition is refused, never cut
MAX_ACTUAL = 100  # characters of an indicator's actual value («52%», «14 экспертов»)


class DraftKind(StrEnum):
    DONE = "done"  # «✅ Выполнено»: the assignment goes to the coordinator for a decision
    NOTE = "note"  # «💬 Комментарий»: how the work goes; the assignment stays open
    FILE = "file"  # «📎 Файл»: files only; the assignment stays open


@dataclass(frozen=True, slots=True)
class DraftFile:
    kind: str  # "document" | "photo"
    file_id: str
    file_unique_id: str
    file_name: str | None = None
    mime_type: str | None = None
    size: int | None = None


@dataclass(slots=True)
class ReportDraft:
    assignment_id: int
    kind: DraftKind
    text: str = ""
    files: list[DraftFile] = field(default_factory=list)
    # The year of the indicator the done report is asked for (None: the item has none for it),
    # whether the question was put, and the actual value typed («52%»; None: skipped).
    indicator_year: int | None = None
    indicator_asked: bool = False
    actual: str | None = None

    @property
    def awaits_actual(self) -> bool:
        """Whether «📨 Отправить» should first ask for the indicator's actual value."""
        return (
            self.kind is DraftKind.DONE
            and self.indicator_year is not None
            and not self.indicator_asked
        )

    def set_actual(self, value: str) -> None:
        """The actual value as typed, on one line; refused (never cut) when too long."""
        value = " ".join(value.split())
        if not value:
            raise InvalidInput("indicator-actual-empty")
        if len(value) > MAX_ACTUAL:
            raise InvalidInput("indicator-actual-too-long", limit=MAX_ACTUAL, length=len(value))
        self.actual = value

    def add_text(self, addition: str) -> None:
        addition = addition.strip()
        if not addition:
            return
        joined = f"{self.text}\n{addition}" if self.text else addition
        if len(joined) > MAX_TEXT:
            raise InvalidInput(
                "report-text-too-long", limit=MAX_TEXT, left=MAX_TEXT - len(self.text)
            )
        self.text = joined

    def add_file(self, file: DraftFile) -> None:
        if len(self.files) >= MAX_FILES:
            raise InvalidInput("report-too-many-files", limit=MAX_FILES)
        self.files.append(file)

    def check_ready(self) -> None:
        """A done report may be bare; a note needs words or files, «📎 Файл» needs a file."""
        if self.kind is DraftKind.FILE and not self.files:
            raise InvalidInput("report-empty-file")
        if self.kind is DraftKind.NOTE and not (self.text or self.files):
            raise InvalidInput("report-empty")

    def to_data(self) -> dict[str, Any]:
        return {
            "assignment_id": self.assignment_id,
            "kind": self.kind.value,
            "text": self.text,
            "files": [asdict(f) for f in self.files],
            "indicator_year": self.indicator_year,
            "indicator_asked": self.indicator_asked,
            "actual": self.actual,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ReportDraft:
        return cls(
            assignment_id=int(data["assignment_id"]),
            kind=DraftKind(data["kind"]),
            text=str(data.get("text") or ""),
            files=[DraftFile(**f) for f in data.get("files", [])],
            indicator_year=(
                int(data["indicator_year"]) if data.get("indicator_year") is not None else None
            ),
            indicator_asked=bool(data.get("indicator_asked")),
            actual=str(data["actual"]) if data.get("actual") is not None else None,
        )
