"""Callback data, each format defined once: ids only; every press is re-checked by a service."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class ImportCallback(CallbackData, prefix="imp"):
    action: str  # "cluster" (choose), "go" (import), "no" (cancel)
    cluster_id: int = 0


class UndatedCallback(CallbackData, prefix="und"):
    action: str  # "list" (items without dates of a cluster), "item" (set this item's date)
    cluster_id: int = 0
    item_id: int = 0


class ClusterCallback(CallbackData, prefix="cl"):
    action: str  # "tz": the new cluster's time zone (value = index in CLUSTER_TIMEZONES)
    value: int = 0


class GroupCallback(CallbackData, prefix="grp"):
    action: str  # "bind": bind this group to the cluster
    cluster_id: int


class JoinCallback(CallbackData, prefix="join"):
    action: str  # "keep" (the Telegram name), "skip" (no position)


class InviteCallback(CallbackData, prefix="inv"):
    action: str  # cluster | role | org | otherorg | noorg | toggle | roles_done | revoke
    value: int = 0


class MemberCallback(CallbackData, prefix="mem"):
    action: str  # menu | coordinator | executor | observer | remove
    membership_id: int


class MembersPageCallback(CallbackData, prefix="mpg"):
    """A page of /members of one cluster."""

    cluster_id: int
    page: int


class AssignmentCallback(CallbackData, prefix="asg"):
    """An executor's action on one assignment (from /my, its card, or a notice)."""

    action: str  # done | note | file | move | info | send | skip
    assignment_id: int


class ReportCallback(CallbackData, prefix="rep"):
    """A coordinator's decision on a report, or its files re-sent."""

    action: str  # acc | ret (done report) | ok | no (deadline move) | files
    report_id: int


class ItemCallback(CallbackData, prefix="itm"):
    action: str  # card | files | page
    item_id: int = 0
    page: int = 0
