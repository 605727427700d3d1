"""The weekly summary as people read it: a short post (within one message: the longest lists
cut with «и ещё N» and a «Подробнее» button for the full lists, sent privately), one chart
before it, and the full lists in as many messages as they need."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.charts import MAX_BARS, Bar, progress_chart
from bot.i18n import Html, Translator
from bot.services.summaries import DueLine, OverdueLine, Summary
from bot.telegram.notices import Rendered
from bot.telegram.views.common import chunks, short

TELEGRAM_LIMIT = 4096
CAPTION_LIMIT = 1024
TEXT_LIMIT = 60  # characters of an item's text in a line
FULL_TEXT_LIMIT = 200
LIST_LIMITS = (10, 6, 4, 2, 1)  # lines a list keeps in the post, tried in turn until it fits


class SummaryCallback(CallbackData, prefix="sum"):
    action: str  # "full": the full lists privately; "cluster": /summary's choice
    cluster_id: int
    day: str = ""  # YYYYMMDD: the day the post is of


def _who(organization: str | None, *people: str) -> Html:
    names = [p for p in (organization, *people) if p]
    return Html("".join(f" · {html.escape(name)}" for name in names))


def _section(
    t: Translator, title: str, lines: list[str], limit: int | None
) -> tuple[list[str], bool]:
    if not lines:
        return [], False
    shown = lines if limit is None else lines[:limit]
    result = ["", t(title, count=len(lines)), *shown]
    cut = len(lines) - len(shown)
    if cut > 0:
        result.append(t("summary-more", count=cut))
    return result, cut > 0


def _grouped(lines: Sequence[Any], key: Callable[[Any], tuple[Any, ...]]) -> list[list[Any]]:
    """Consecutive lines of one item and date together: one line an item, its colleges listed."""
    groups: list[list[Any]] = []
    for line in lines:
        if groups and key(groups[-1][0]) == key(line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _due_lines(t: Translator, lines: Sequence[DueLine], text: Callable[[str], str]) -> list[str]:
    return [
        t(
            "summary-due-line",
            number=group[0].number,
            text=text(group[0].text),
            who=_who(", ".join(d.organization for d in group if d.organization) or None),
            date=group[0].due,
        )
        for group in _grouped(lines, lambda d: (d.number, d.due))
    ]


def _overdue_lines(
    t: Translator, lines: Sequence[OverdueLine], text: Callable[[str], str]
) -> list[str]:
    result = []
    for group in _grouped(lines, lambda o: (o.number, o.due)):
        parts = []
        for o in group:
            people = ", ".join(o.people)
            if o.organization and people:
                parts.append(f"{o.organization} ({people})")
            elif o.organization or people:
                parts.append(o.organization or people)
        result.append(
            t(
                "summary-overdue-line",
                number=group[0].number,
                text=text(group[0].text),
                who=_who("; ".join(parts) or None),
                days=group[0].days,
                date=group[0].due,
            )
        )
    return result


def _lines(
    t: Translator, summary: Summary, limit: int | None, text_limit: int
) -> tuple[list[str], bool]:
    """The summary's lines with each list cut to ``limit`` lines (None: the full lists)."""
    totals = summary.totals
    lines = [
        t("summary-title", cluster=summary.cluster.name),
        t("summary-week", start=summary.week_start, end=summary.week_end, date=summary.day),
        "",
    ]
    if totals.assignments:
        lines.append(
            t(
                "summary-progress",
                done=totals.done,
                total=totals.assignments,
                share=round(100 * totals.done / totals.assignments),
            )
        )
        if totals.done:
            lines.append(t("summary-on-time", share=round(100 * totals.done_on_time / totals.done)))
        lines.append(
            t("summary-overdue-count", count=totals.overdue)
            if totals.overdue
            else t("summary-overdue-none")
        )
    else:
        lines.append(t("summary-no-dates"))
    cut_any = False

    def add(title: str, rendered: list[str]) -> None:
        nonlocal cut_any
        section, cut = _section(t, title, rendered, limit)
        lines.extend(section)
        cut_any = cut_any or cut

    def text(value: str) -> str:
        return short(value, text_limit)

    if summary.done_last_week:
        add(
            "summary-done-title",
            [
                t(
                    "summary-done-line",
                    number=d.number,
                    text=text(d.text),
                    who=_who(d.organization, d.person),
                    date=d.day,
                )
                for d in summary.done_last_week
            ],
        )
    elif totals.assignments:
        lines += ["", t("summary-done-none")]
    add("summary-due-title", _due_lines(t, summary.due_this_week, text))
    add("summary-due-next-title", _due_lines(t, summary.due_next_week, text))
    add("summary-overdue-title", _overdue_lines(t, summary.overdue, text))
    add(
        "summary-undated-title",
        [t("summary-undated-line", number=u.number, text=text(u.text)) for u in summary.undated],
    )
    add(
        "summary-indicators-title",
        [
            t(
                "summary-indicator-line",
                number=i.number,
                text=text(i.text),
                year=Html(t("summary-indicator-year", year=str(i.year))) if i.year else "",
                target=i.target or t("summary-no-value"),
                actual=i.actual or t("summary-no-value"),
            )
            for i in summary.indicators
        ],
    )
    add(
        "summary-unreachable-title",
        [
            t("summary-unreachable-line", person=u.person, who=_who(u.organization))
            for u in summary.unreachable
        ],
    )
    return lines, cut_any


def render_summary_text(t: Translator, summary: Summary) -> tuple[str, bool]:
    """The post's text within one message, and whether any list was cut."""
    if summary.empty:
        return t("summary-empty", cluster=summary.cluster.name), False
    for limit in LIST_LIMITS:
        lines, cut = _lines(t, summary, limit, TEXT_LIMIT)
        text = "\n".join(lines)
        if len(text) <= TELEGRAM_LIMIT:
            return text, cut
    # Every list down to its title and «и ещё N»: a few short lines whatever the plan.
    lines, _ = _lines(t, summary, 0, 30)
    return "\n".join(lines), True


def render_full_lists(t: Translator, summary: Summary) -> list[str]:
    """«Подробнее»: every list in full, split between lines into messages."""
    lines, _ = _lines(t, summary, None, FULL_TEXT_LIMIT)
    return chunks([t("summary-full-title"), *lines])


def chart_png(t: Translator, summary: Summary) -> bytes | None:
    kind, bars = summary.progress
    if not bars:
        return None
    more = len(bars) - MAX_BARS
    return progress_chart(
        [Bar(b.label, b.total, b.done, b.overdue) for b in bars],
        title=t(f"summary-chart-title-{kind}"),
        legend=(t("summary-chart-done"), t("summary-chart-overdue"), t("summary-chart-rest")),
        branding=summary.branding,
        more=t("summary-chart-more", count=more) if more > 0 else None,
    )


def _day_code(day: date) -> str:
    return day.strftime("%Y%m%d")


def summary_keyboard(t: Translator, summary: Summary, cut: bool) -> InlineKeyboardMarkup | None:
    if not cut:
        return None
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("summary-button-more"),
        callback_data=SummaryCallback(
            action="full", cluster_id=summary.cluster.id, day=_day_code(summary.day)
        ),
    )
    return builder.as_markup()


def render_summary(
    t: Translator,
    summary: Summary,
    chart: Callable[[Translator, Summary], bytes | None] = chart_png,
) -> list[Rendered]:
    """The post: the chart with a short caption (when there is anything to draw), then the
    text with «Подробнее» when a list was cut."""
    text, cut = render_summary_text(t, summary)
    parts: list[Rendered] = []
    png = None if summary.empty else chart(t, summary)
    if png is not None:
        totals = summary.totals
        caption = t(
            "summary-caption",
            cluster=summary.cluster.name,
            done=totals.done,
            total=totals.assignments,
            date=summary.day,
        )
        parts.append(Rendered(caption[:CAPTION_LIMIT], photo=png))
    parts.append(Rendered(text, summary_keyboard(t, summary, cut)))
    return parts


def parse_day(code: str) -> date | None:
    try:
        return date(int(code[:4]), int(code[4:6]), int(code[6:8])) if len(code) == 8 else None
    except ValueError:
        return None


def clusters_keyboard(clusters: Sequence[tuple[int, str]]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for cluster_id, name in clusters:
        builder.button(
            text=short(name, 60),
            callback_data=SummaryCallback(action="cluster", cluster_id=cluster_id),
        )
    builder.adjust(1)
    return builder.as_markup()
