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
