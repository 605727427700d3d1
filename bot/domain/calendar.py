"""Local days and times of a cluster: deadlines are days of the cluster's zone, not of UTC."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(timezone: str) -> ZoneInfo:
    try:
        return ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_today(now: datetime, timezone: str) -> date:
    """Today in a cluster's time zone."""
    return now.astimezone(zone(timezone)).date()


def local_time(moment: datetime, timezone: str) -> datetime:
    """An aware UTC moment as the cluster's wall-clock time."""
    return moment.astimezone(zone(timezone))


MOSCOW = "Europe/Moscow"
# The zones a cluster may choose, west to east; their Russian names are in the locale files.
CLUSTER_TIMEZONES = (
    "Europe/Kaliningrad",
    MOSCOW,
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Tomsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)


def hours_from_moscow(timezone: str, at: datetime) -> int:
    """Whole hours between a zone's clock and Moscow's at a moment (Kaliningrad: −1)."""
    here = at.astimezone(zone(timezone)).utcoffset()
    moscow = at.astimezone(zone(MOSCOW)).utcoffset()
    # ZoneInfo times always have an offset.
    assert here is not None
    assert moscow is not None
    return round((here - moscow).total_seconds() / 3600)
