"""Texts of /reminders (what the bot will remind a person of, and when, in the cluster's time)
and of the «⏰ Напомнить завтра» press."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from bot.domain.calendar import MOSCOW
from bot.i18n import Html, Translator
from bot.services.reminders import ClusterSettings, Upcoming
from bot.telegram.views.common import chunks, short
from bot.telegram.views.settings import coordinator_phrases, hour_text, zone_phrase

TEXT_LIMIT = 100  # characters of an item's text in a line


def _next(t: Translator, upcoming: Upcoming) -> str:
    when = upcoming.when
    if when is None:
        next_one = t("reminders-next-none")
    else:
        next_one = t("reminders-next", date=when, time=when.strftime("%H:%M"))
    if upcoming.snoozed_until is not None:
        return t("reminders-snoozed", until=upcoming.snoozed_until, next=Html(next_one))
    return next_one


def _line(t: Translator, upcoming: Upcoming) -> str:
    row = upcoming.row
    return t(
        "reminders-line",
        number=row.number,
        text=short(row.text, TEXT_LIMIT),
        due=row.due,
        next=Html(_next(t, upcoming)),
    )


def _cluster_header(t: Translator, name: str, timezone: str, now: datetime) -> str:
    if timezone == MOSCOW:
        return t("reminders-cluster", cluster=name)
    return t("reminders-cluster-zone", cluster=name, zone=zone_phrase(t, timezone, now))


def render_reminders(
    t: Translator,
    upcoming: Sequence[Upcoming],
    coordinated: Sequence[ClusterSettings],
    now: datetime,
) -> list[str]:
    """/reminders in messages within Telegram's limit, split between lines."""
    if not upcoming and not coordinated:
        return [t("reminders-empty")]
    lines = [t("reminders-title")]
    if not upcoming:
        lines += ["", t("reminders-none-own")]
    # Clusters in the order of their first reminder; each one's lines in time order.
    clusters: dict[int, list[Upcoming]] = {}
    for entry in upcoming:
        clusters.setdefault(entry.cluster.id, []).append(entry)
    for entries in clusters.values():
        cluster = entries[0].cluster
        lines.append("")
        lines.append(_cluster_header(t, cluster.name, cluster.timezone, now))
        lines.extend(_line(t, entry) for entry in entries)
    for settings in coordinated:
        policy = settings.policy
        lines.append("")
        lines.append(
            t(
                "reminders-coordinator",
                cluster=settings.cluster.name,
                hour=hour_text(policy.hour),
                zone=zone_phrase(t, settings.cluster.timezone, now),
                phrases=coordinator_phrases(t, policy),
            )
        )
    if upcoming:
        lines.append("")
        lines.append(t("reminders-hint"))
    return chunks(lines)


def render_snoozed(t: Translator, until: date) -> str:
    """The short notice over the chat after «⏰ Напомнить завтра» (not an alert)."""
    return t("reminders-snooze-done", date=until)
