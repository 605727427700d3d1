"""Texts and keyboards of /bind in a group."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.telegram.callbacks import GroupCallback
from bot.telegram.views.common import short
from storage.models import Cluster


def bind_keyboard(clusters: Sequence[Cluster]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for cluster in clusters:
        builder.button(
            text=short(cluster.name, 60),
            callback_data=GroupCallback(action="bind", cluster_id=cluster.id),
        )
    builder.adjust(1)
    return builder.as_markup()
