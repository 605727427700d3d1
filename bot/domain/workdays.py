"""Working days in Russia: weekends, public holidays, moved days off and working Saturdays.

The ``holidays`` package knows the government's yearly transfers («перенос выходных дней»):
29.04.2024 is a day off, 27.04.2024 (a Saturday) a working day. Reminders fall on working days;
deadlines themselves are never moved by the calendar.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

# Far enough for any plan; a date outside falls back to «Monday to Friday».
_FIRST_YEAR, _LAST_YEAR = 2015, 2040


@lru_cache(maxsize=4)
def _country(country: str) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=range(_FIRST_YEAR, _LAST_YEAR + 1))


class WorkCalendar:
    """Working days of one country (Russia by default). Pure and cached: share one."""

    def __init__(self, country: str = "RU") -> None:
        self._days = _country(country)
        self._cache: dict[date, bool] = {}
        self._running: list[int] | None = None

    def is_working_day(self, day: date) -> bool:
        known = self._cache.get(day)
        if known is None:
            if _FIRST_YEAR <= day.year <= _LAST_YEAR:
                known = bool(self._days.is_working_day(day))
            else:
                known = day.weekday() < 5
            self._cache[day] = known
        return known

    def on_or_before(self, day: date) -> date:
        """The day itself when it is a working day, else the working day before it."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def on_or_after(self, day: date) -> date:
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def next_working_day(self, day: date) -> date:
        """The first working day after ``day``."""
        return self.on_or_after(day + timedelta(days=1))

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (count ≥ 1); before it when negative."""
        step = timedelta(days=1 if count > 0 else -1)
        left = abs(count)
        while left:
            day += step
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: 0 when end ≤ start."""
        if end <= start:
            return 0
        first = date(_FIRST_YEAR, 1, 1).toordinal()
        if start.toordinal() >= first and end.year <= _LAST_YEAR:
            counts = self._counts()  # working days up to and including each day
            return counts[end.toordinal() - first] - counts[start.toordinal() - first]
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def _counts(self) -> list[int]:
        if self._running is None:
            running, total = [], 0
            day = date(_FIRST_YEAR, 1, 1)
            while day.year <= _LAST_YEAR:
                total += self.is_working_day(day)
                running.append(total)
                day += timedelta(days=1)
            self._running = running
        return self._running

    def first_working_day_of_month(self, day: date) -> date:
        return self.on_or_after(day.replace(day=1))

    def first_working_day_of_week(self, day: date) -> date:
        """The week's first working day (Monday, unless it is a holiday)."""
        return self.on_or_after(day - timedelta(days=day.weekday()))
