"""Texts and keyboards of /newcluster, and how a cluster's time zone and times are shown."""

from __future__ import annotations

from datetime import datetime

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.calendar import CLUSTER_TIMEZONES, hours_from_moscow, local_time
from bot.i18n import Translator
from bot.telegram.callbacks import ClusterCallback
from storage.models import Cluster


def zone_label(t: Translator, timezone: str, now: datetime) -> str:
    """«Томск (МСК+4)»: the zone's name from the catalogue and its offset from Moscow now."""
    name_key = "tz-" + timezone.replace("/", "-")
    name = t(name_key) if t.has(name_key) else timezone
    hours = hours_from_moscow(timezone, now)
    sign = "plus" if hours > 0 else "minus" if hours < 0 else "zero"
    return t("tz-label", name=name, offset=t("tz-offset", sign=sign, hours=abs(hours)))


def cluster_time(moment: datetime, cluster: Cluster) -> str:
    """A moment as the cluster's wall clock shows it: «04.03.2022 12:00»."""
    return local_time(moment, cluster.timezone).strftime("%d.%m.%Y %H:%M")


def timezone_keyboard(t: Translator, now: datetime) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for index, timezone in enumerate(CLUSTER_TIMEZONES):
        builder.button(
            text=zone_label(t, timezone, now),
            callback_data=ClusterCallback(action="tz", value=index),
        )
    builder.adjust(2)
    return builder.as_markup()


def render_cluster_created(t: Translator, cluster: Cluster, now: datetime) -> str:
    return t("cluster-created", name=cluster.name, timezone=zone_label(t, cluster.timezone, now))
