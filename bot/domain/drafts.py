"""A report being written: comment and files collected over several messages until «Отправить»."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from bot.errors import InvalidInput

MAX_FILES = 10
MAX_TEXT = 4000  # characters of the comment; a longer addition is refused, never cut


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
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> ReportDraft:
        return cls(
            assignment_id=int(data["assignment_id"]),
            kind=DraftKind(data["kind"]),
            text=str(data.get("text") or ""),
            files=[DraftFile(**f) for f in data.get("files", [])],
        )
