"""Texts and buttons of /export: the cluster to export, the format, the file's name and
caption."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.exports.model import day
from bot.i18n import Translator
from bot.services.exports import ExportChoice
from bot.telegram.callbacks import Id

FORMATS = ("docx", "xlsx", "html")
_UNSAFE = re.compile(r"[^\w.-]+")
NAME_LIMIT = 60  # characters of the cluster's name in the file name


class ExportCallback(CallbackData, prefix="exp"):
    action: str  # "cl": the cluster chosen; "fmt": the format chosen
    cluster_id: Id
    format: str = ""  # docx, xlsx, html


def render_denied(t: Translator) -> str:
    return t("export-denied")


def render_choose_cluster(t: Translator) -> str:
    return t("export-choose-cluster")


def clusters_keyboard(t: Translator, clusters: Sequence[ExportChoice]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for choice in clusters:
        builder.button(
            text=choice.name,
            callback_data=ExportCallback(action="cl", cluster_id=choice.cluster_id),
        )
    builder.adjust(1)
    return builder.as_markup()


def render_choose_format(t: Translator, cluster: str) -> str:
    return t("export-choose-format", cluster=cluster)


def formats_keyboard(t: Translator, cluster_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for name in FORMATS:
        builder.button(
            text=t(f"export-button-{name}"),
            callback_data=ExportCallback(action="fmt", cluster_id=cluster_id, format=name),
        )
    builder.adjust(3)
    return builder.as_markup()


def file_name(cluster: str, today: date, extension: str) -> str:
    """«План_работы_Машиностроительный_кластер_15.06.2021.docx»: letters, digits, _ . - only."""
    name = _UNSAFE.sub("_", cluster).strip("_.")[:NAME_LIMIT].rstrip("_.") or "кластер"
    return f"План_работы_{name}_{day(today)}.{extension}"


def render_caption(t: Translator, cluster: str, today: date, extension: str) -> str:
    return t(f"export-caption-{extension}", cluster=cluster, date=day(today))


def render_no_plan(t: Translator, cluster: str) -> str:
    return t("export-no-plan", cluster=cluster)
