"""Callback data, each format defined once: ids only; every press is re-checked by a service.

Every number is bounded to what an integer column holds on every database (PostgreSQL's
INTEGER): forged or garbled data does not parse, so the press reaches the fallback router's
stale-button answer instead of a query that overflows.
"""

from __future__ import annotations

from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

MAX_ID = 2**31 - 1
Id = Annotated[int, Field(ge=0, le=MAX_ID)]


class ImportCallback(CallbackData, prefix="imp"):
    action: str  # "cluster" (choose), "go" (import), "no" (cancel)
    cluster_id: Id = 0


class UndatedCallback(CallbackData, prefix="und"):
    action: str  # "list" (items without dates of a cluster), "item" (set this item's date)
    cluster_id: Id = 0
    item_id: Id = 0


class ClusterCallback(CallbackData, prefix="cl"):
    action: str  # "tz": the new cluster's time zone (value = index in CLUSTER_TIMEZONES)
    value: Id = 0


class GroupCallback(CallbackData, prefix="grp"):
    action: str  # "bind": bind this group to the cluster
    cluster_id: Id


class JoinCallback(CallbackData, prefix="join"):
    action: str  # "keep" (the Telegram name), "skip" (no position)


class InviteCallback(CallbackData, prefix="inv"):
    action: str  # cluster | role | org | otherorg | noorg | toggle | roles_done | revoke
    value: Id = 0


class MemberCallback(CallbackData, prefix="mem"):
    action: str  # menu | coordinator | executor | observer | remove
    membership_id: Id


class MembersPageCallback(CallbackData, prefix="mpg"):
    """A page of /members of one cluster."""

    cluster_id: Id
    page: Id


class AssignmentCallback(CallbackData, prefix="asg"):
    """An executor's action on one assignment (from /my, its card, or a notice)."""

    action: str  # done | note | file | move | info | send | skip
    assignment_id: Id


class ReportCallback(CallbackData, prefix="rep"):
    """A coordinator's decision on a report, or its files re-sent."""

    action: str  # acc | ret (done report) | ok | no (deadline move) | files | full (all text)
    report_id: Id


class ItemCallback(CallbackData, prefix="itm"):
    action: str  # card | files | page
    item_id: Id = 0
    page: Id = 0


class ReminderCallback(CallbackData, prefix="rem"):
    """From a digest: «⏰ Напомнить завтра» for one assignment."""

    action: str  # snooze
    assignment_id: Id


class SettingsCallback(CallbackData, prefix="set"):
    """/settings of a cluster's reminders: open a setting, or set its value."""

    action: str  # menu | open (a setting: key) | set (key, value) | reset | cluster (choose)
    cluster_id: Id
    key: str = ""  # a ReminderPolicy field name
    value: Id = 0


class StatsCallback(CallbackData, prefix="sta"):
    """/stats: a cluster's statistics, or the overview of clusters sorted one way."""

    action: str  # cluster (cluster_id) | overview (value: 1 by the share overdue, 0 by name)
    cluster_id: Id = 0
    value: Id = 0
