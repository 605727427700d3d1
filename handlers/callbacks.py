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
