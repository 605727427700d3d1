"""Time as a dependency: services ask a Clock, tests pass a FixedClock.

A real process can be given a clock that reads the time from a file
(``WORKPLAN_CLOCK_FILE``, one ISO 8601 moment with its offset): the process tests move it
through a week of the plan instead of waiting, and a demo can show a plan's year in minutes.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

CLOCK_FILE_ENV = "WORKPLAN_CLOCK_FILE"


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FileClock:
    """The moment written in a file; the file is read again whenever it changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, datetime] | None = None

    def now(self) -> datetime:
        stamp = self.path.stat().st_mtime_ns
        if self._seen is None or self._seen[0] != stamp:
            moment = datetime.fromisoformat(self.path.read_text(encoding="utf-8").strip())
            if moment.tzinfo is None:
                raise ValueError(f"{self.path}: the moment needs its UTC offset")
            self._seen = (stamp, moment.astimezone(UTC))
        return self._seen[1]


def clock_from_environment() -> Clock:
    path = os.environ.get(CLOCK_FILE_ENV)
    return FileClock(Path(path)) if path else SystemClock()
