"""When people are reminded: the policy and the pure rules that derive each day's reminders.

Nothing here is stored: what is due on a day follows from the deadlines, the assignments'
states and the policy, so a changed deadline or a report never leaves a stale reminder behind.
Every reminder falls on a working day; a deadline is never moved by the calendar.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from bot.domain.workdays import WorkCalendar


class Reason(StrEnum):
    BEFORE = "before"  # the deadline is near
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    ESCALATION = "escalation"  # to the coordinators: an executor is late
    CHECKIN = "checkin"  # a continuous item: a monthly «how is it going»
    UNDATED = "undated"  # to the coordinators: an item has no date to remind of
    AWAITING_DECISION = "awaiting_decision"  # to the coordinators: a report waits for them


EXECUTOR_REASONS = frozenset({Reason.BEFORE, Reason.DUE_TODAY, Reason.OVERDUE, Reason.CHECKIN})
COORDINATOR_REASONS = frozenset({Reason.ESCALATION, Reason.UNDATED, Reason.AWAITING_DECISION})

# What a coordinator may choose in /settings (and what config.toml may set).
DAYS_BEFORE_CHOICES = (14, 7, 5, 3, 2, 1)
HOUR_CHOICES = (7, 8, 9, 10, 11, 12, 14, 16)
OVERDUE_EVERY_CHOICES = (1, 2, 3, 5)
OVERDUE_TIMES_CHOICES = (0, 1, 3, 5, 10)
ESCALATE_AFTER_CHOICES = (0, 1, 3, 5, 7, 14)  # 0: never
AWAITING_AFTER_CHOICES = (1, 2, 3, 5)
QUIET_START_CHOICES = (18, 19, 20, 21, 22, 23)
QUIET_END_CHOICES = (6, 7, 8, 9)


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    """A cluster's reminder rules; the defaults come from config.toml's [reminders]."""

    days_before: tuple[int, ...] = (7, 3, 1)
    on_the_day: bool = True
    hour: int = 9  # local time of the daily digest
    overdue_every: int = 2  # working days between reminders after the deadline…
    overdue_times: int = 5  # …at most this many of them
    escalate_after: int = 3  # days overdue before the coordinators are told; 0: never
    checkin_monthly: bool = True  # continuous items: the first working day of each month
    undated_weekly: bool = True  # items without a date: the coordinators, each week
    awaiting_after: int = 2  # working days a report may wait for the coordinator's decision
    quiet_start: int = 20  # no reminder from this hour…
    quiet_end: int = 8  # …to this one (local); event notices still go, silently

    def with_changes(self, changes: Mapping[str, Any]) -> ReminderPolicy:
        """This policy with a cluster's stored changes; unknown or invalid keys are ignored,
        so a setting removed in a later version never breaks a cluster."""
        known = {f.name: f for f in fields(self)}
        values: dict[str, Any] = {}
        for key, value in changes.items():
            if key not in known:
                continue
            current = getattr(self, key)
            if isinstance(current, bool):
                if isinstance(value, bool):
                    values[key] = value
            elif isinstance(current, int):
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 60:
                    values[key] = value
            elif isinstance(value, list | tuple) and all(
                isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 60 for v in value
            ):
                values[key] = tuple(sorted(set(value), reverse=True))
        candidate = replace(self, **values)
        return candidate if candidate.valid() else self

    def valid(self) -> bool:
        return (
            0 <= self.hour <= 23
            and 0 <= self.quiet_start <= 23
            and 0 <= self.quiet_end <= 23
            and not self.in_quiet_hours(time(self.hour))
            and self.overdue_every >= 1
        )

    def changes_from(self, default: ReminderPolicy) -> dict[str, Any]:
        """What differs from ``default``, as stored for a cluster (JSON values)."""
        changed: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != getattr(default, f.name):
                changed[f.name] = list(value) if isinstance(value, tuple) else value
        return changed

    def in_quiet_hours(self, moment: time) -> bool:
        start, end = time(self.quiet_start), time(self.quiet_end)
        if start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end

    def quiet_until(self, local: datetime) -> datetime:
        """The end of the quiet hours ``local`` (an aware local time) falls in."""
        end = local.replace(hour=self.quiet_end, minute=0, second=0, microsecond=0)
        return end if end > local else end + timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Schedule:
    """What is known of one assignment on a day: its due day, state and snooze."""

    due: date
    start: date | None = None
    continuous: bool = False
    awaiting_since: date | None = None  # the local day its done report was sent
    snoozed_until: date | None = None


def _dated_days(
    due: date, policy: ReminderPolicy, calendar: WorkCalendar
) -> Iterator[tuple[date, Reason]]:
    """Every day an executor is reminded of a deadline, with why (days off moved back)."""
    for before in policy.days_before:
        yield calendar.on_or_before(due - timedelta(days=before)), Reason.BEFORE
    if policy.on_the_day:
        day = calendar.on_or_before(due)
        yield day, Reason.DUE_TODAY if day == due else Reason.BEFORE
    day = due
    for _ in range(policy.overdue_times):
        day = calendar.add_working_days(day, policy.overdue_every)
        yield day, Reason.OVERDUE


def reason_on(
    schedule: Schedule, day: date, policy: ReminderPolicy, calendar: WorkCalendar
) -> Reason | None:
    """Why an executor is reminded of the assignment on ``day`` (a working day), or None."""
    if schedule.snoozed_until is not None:
        if day < schedule.snoozed_until:
            return None
        if day == schedule.snoozed_until:
            return state_on(schedule, day)
    if schedule.continuous and policy.checkin_monthly:
        start = schedule.start or schedule.due
        if (
            start <= day < schedule.due
            and day == calendar.first_working_day_of_month(day)
            and day > start
        ):
            return Reason.CHECKIN
    return reminder_days(schedule.due, policy, calendar).get(day)


def reminder_days(due: date, policy: ReminderPolicy, calendar: WorkCalendar) -> dict[date, Reason]:
    """Every day an executor is reminded of a deadline and why (the first reason a day gets),
    kept for the last few thousand deadlines: a sweep asks for the same ones many times."""
    return _reminder_days(due, policy, calendar)


@lru_cache(maxsize=8192)
def _reminder_days(due: date, policy: ReminderPolicy, calendar: WorkCalendar) -> dict[date, Reason]:
    days: dict[date, Reason] = {}
    for when, reason in _dated_days(due, policy, calendar):
        days.setdefault(when, reason)
    return days


def state_on(schedule: Schedule, day: date) -> Reason:
    """How an assignment stands on a day, as its digest line reads it."""
    if day > schedule.due:
        return Reason.OVERDUE
    if day == schedule.due:
        return Reason.DUE_TODAY
    return Reason.BEFORE


def escalation_on(due: date, day: date, policy: ReminderPolicy, calendar: WorkCalendar) -> bool:
    """Whether the coordinators hear of a late assignment on ``day``: once, on the first
    working day at least ``escalate_after`` days after the deadline."""
    if policy.escalate_after <= 0:
        return False
    return day == calendar.on_or_after(due + timedelta(days=policy.escalate_after))


def awaiting_on(since: date, day: date, policy: ReminderPolicy, calendar: WorkCalendar) -> bool:
    """Whether a report waiting since ``since`` reminds the coordinators on ``day``: after
    ``awaiting_after`` working days, and again every as many."""
    if not calendar.is_working_day(day):
        return False
    waited = calendar.working_days_between(since, day)
    every = max(policy.awaiting_after, 1)
    return waited >= policy.awaiting_after and (waited - policy.awaiting_after) % every == 0


def undated_on(day: date, policy: ReminderPolicy, calendar: WorkCalendar) -> bool:
    """Items without a date remind the coordinators on the week's first working day."""
    return policy.undated_weekly and day == calendar.first_working_day_of_week(day)


def next_reminder(
    schedule: Schedule,
    after: date,
    policy: ReminderPolicy,
    calendar: WorkCalendar,
    horizon: int = 400,
) -> tuple[date, Reason] | None:
    """The first working day after ``after`` the executor is reminded of it, within a horizon."""
    day = after
    for _ in range(horizon):
        day = calendar.next_working_day(day)
        reason = reason_on(schedule, day, policy, calendar)
        if reason is not None:
            return day, reason
    return None


def lookback_start(day: date, policy: ReminderPolicy, calendar: WorkCalendar) -> date:
    """The earliest due day that may still remind anyone on ``day`` (overdue or escalated)."""
    back = calendar.add_working_days(day, -policy.overdue_every * max(policy.overdue_times, 1))
    escalation = day - timedelta(days=policy.escalate_after + 14)
    return min(back, escalation) - timedelta(days=1)


def lookahead_end(day: date, policy: ReminderPolicy) -> date:
    """The latest due day that may remind anyone on ``day`` (a reminder moved before a day
    off lands up to two weeks earlier at the New Year holidays)."""
    return day + timedelta(days=max(policy.days_before, default=0) + 15)
