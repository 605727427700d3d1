"""Callback data: ids only; every press is re-checked by the service it reaches."""

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
    action: str  # "tz" (time zone chosen), "pick" (the cluster for a command)
    value: int = 0


class InviteCallback(CallbackData, prefix="inv"):
    action: str  # cluster | role | noorg | toggle | roles_done | revoke
    value: int = 0


class MemberCallback(CallbackData, prefix="mem"):
    action: str  # menu | coordinator | executor | observer | remove
    membership_id: int


class AssignmentCallback(CallbackData, prefix="asg"):
    """Matches bot.domain.callbacks.assignment_action: asg:<action>:<assignment_id>."""

    action: str  # done | note | file | move | info | send | skip
    assignment_id: int


class ReportCallback(CallbackData, prefix="rep"):
    """Matches bot.domain.callbacks.report_action: rep:<action>:<report_id>."""

    action: str  # acc | ret | ok | no
    report_id: int


class ItemCallback(CallbackData, prefix="itm"):
    action: str  # card | files | page
    item_id: int = 0
    page: int = 0
