"""Texts and keyboards of /stats: a cluster per college and per person; clusters side by side."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Html, Translator
from bot.services.stats import Choice, ClusterStats, OverviewRow, Tally, percent
from bot.telegram.callbacks import StatsCallback
from bot.telegram.views.common import chunks, short

CHOICE_BUTTONS = 30  # clusters offered as buttons; more are reached with /stats <name>


def choice_keyboard(t: Translator, choice: Choice) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if choice.overview:
        builder.button(
            text=t("stats-button-overview"),
            callback_data=StatsCallback(action="overview", value=1),
        )
    for cluster in choice.clusters[:CHOICE_BUTTONS]:
        builder.button(
            text=short(cluster.name, 60),
            callback_data=StatsCallback(action="cluster", cluster_id=cluster.id),
        )
    builder.adjust(1)
    return builder.as_markup()


def render_choice(t: Translator, choice: Choice) -> str:
    text = t("stats-choose")
    if len(choice.clusters) > CHOICE_BUTTONS:
        text += "\n" + t("stats-choose-more", shown=CHOICE_BUTTONS, count=len(choice.clusters))
    return text


def _percent(t: Translator, part: int, whole: int) -> str:
    value = percent(part, whole)
    return t("stats-none") if value is None else t("stats-percent", value=value)


def _tally(t: Translator, tally: Tally) -> str:
    """«назначено 5 · выполнено 3, в срок 67% · просрочено 1 · …»: the zero extras left out."""
    parts = [t("stats-assigned", count=tally.assigned)]
    if tally.done:
        parts.append(
            t(
                "stats-done",
                count=tally.done,
                on_time=Html(_percent(t, tally.on_time, tally.done)),
            )
        )
    else:
        parts.append(t("stats-done-none"))
    if tally.overdue:
        parts.append(t("stats-overdue", count=tally.overdue))
    delay = tally.average_delay
    if delay is not None:
        parts.append(t("stats-delay", days=delay))
    if tally.returned:
        parts.append(t("stats-returned", count=tally.returned))
    return " · ".join(parts)


def render_cluster_stats(t: Translator, stats: ClusterStats) -> list[str]:
    """The statistics as messages within Telegram's limit, split between lines."""
    lines = [
        t("stats-title", cluster=stats.cluster.name, today=stats.today),
        t("stats-items", count=stats.items),
        t("stats-total", tally=Html(_tally(t, stats.total))),
    ]
    if not stats.total.assigned:
        lines.append(t("stats-empty"))
        return chunks(lines)
    lines.append("\n" + t("stats-colleges"))
    for party in stats.colleges:
        name = party.name or t("stats-shared")
        lines.append(t("stats-party", name=name, tally=Html(_tally(t, party.tally))))
    if stats.people:
        lines.append("\n" + t("stats-people"))
        for party in stats.people:
            name = (
                t("stats-person-of", name=party.name, organization=party.organization)
                if party.organization
                else t("stats-person", name=party.name)
            )
            lines.append(t("stats-party", name=Html(name), tally=Html(_tally(t, party.tally))))
    lines.append("\n" + t("stats-legend"))
    return chunks(lines)


def render_overview(
    t: Translator, rows: Sequence[OverviewRow], by_overdue: bool, today: date
) -> list[str]:
    lines = [
        t(
            "stats-overview-title",
            count=len(rows),
            today=today,
            order=Html(t("stats-order-overdue") if by_overdue else t("stats-order-name")),
        )
    ]
    if not rows:
        lines.append(t("stats-overview-empty"))
    for number, row in enumerate(rows, start=1):
        total = row.total
        lines.append(
            t(
                "stats-overview-row",
                number=number,
                cluster=row.cluster.name,
                region=row.cluster.region or "—",
                items=row.items,
                assigned=total.assigned,
                done=Html(_percent(t, total.done, total.assigned)),
                on_time=Html(_percent(t, total.on_time, total.done)),
                overdue=Html(_percent(t, total.overdue, total.assigned)),
                overdue_count=total.overdue,
            )
        )
    return chunks(lines)


def overview_keyboard(t: Translator, by_overdue: bool) -> InlineKeyboardMarkup:
    """«по просрочке» / «по названию»: the current order marked."""
    builder = InlineKeyboardBuilder()
    for value, label in ((1, t("stats-sort-overdue")), (0, t("stats-sort-name"))):
        if bool(value) == by_overdue:
            label = t("stats-sort-current", label=label)
        builder.button(text=label, callback_data=StatsCallback(action="overview", value=value))
    builder.adjust(2)
    return builder.as_markup()
