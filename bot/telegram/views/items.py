"""Texts and keyboards of the plan as people read it: /my, the executor's card, /plan, item
cards and history. Every time shown is the cluster's local time."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.calendar import local_time, local_today
from bot.i18n import Html, Translator, format_date
from bot.services.items import AssignmentView, HistoryEntry, ItemCard, ItemHistory, PlanOverview
from bot.telegram.callbacks import AssignmentCallback, ItemCallback, UndatedCallback
from bot.telegram.views.common import chunks as _chunks
from bot.telegram.views.common import due_label as _due_label
from bot.telegram.views.common import short as _short
from bot.telegram.views.reports import indicator_line
from storage.models import AssignmentStatus, ItemStatus

MY_PAGE_SIZE = 5
# The executor's one-press actions on a line of /my, after «✅ 2.3»; the lead's report
# handlers answer done/note/file/move, «ℹ️» opens the executor's card.
MY_ACTIONS = ("note", "file", "move", "info")


def _group_of(view: AssignmentView, now: datetime) -> str:
    today = local_today(now, view.cluster.timezone)
    due = view.due
    return "overdue" if due < today else "week" if (due - today).days <= 7 else "later"


def _ordered(views: Sequence[AssignmentView], now: datetime) -> list[AssignmentView]:
    groups: dict[str, list[AssignmentView]] = {"overdue": [], "week": [], "later": []}
    for view in views:
        groups[_group_of(view, now)].append(view)
    return groups["overdue"] + groups["week"] + groups["later"]


def my_pages(views: Sequence[AssignmentView], size: int = MY_PAGE_SIZE) -> int:
    return max(1, (len(views) + size - 1) // size)


def render_my(
    t: Translator,
    views: Sequence[AssignmentView],
    now: datetime,
    page: int,
    size: int = MY_PAGE_SIZE,
) -> str:
    if not views:
        return t("my-empty")
    shown = _ordered(views, now)[page * size : (page + 1) * size]
    lines = [t("my-title", count=len(views))]
    current = None
    for view in shown:
        group = _group_of(view, now)
        if group != current:
            lines.append("\n" + t(f"my-group-{group}"))
            current = group
        lines.append(
            t(
                "my-line",
                number=view.item.number,
                text=_short(view.item.text, 90),
                due=Html(_due_label(t, view.due, local_today(now, view.cluster.timezone))),
                returned=Html(
                    t("my-returned") if view.assignment.status is AssignmentStatus.RETURNED else ""
                ),
            )
        )
    pages = my_pages(views, size)
    if pages > 1:
        lines.append("\n" + t("my-page", page=page + 1, pages=pages))
    return "\n".join(lines)


def my_keyboard(
    t: Translator,
    views: Sequence[AssignmentView],
    now: datetime,
    page: int,
    size: int = MY_PAGE_SIZE,
) -> InlineKeyboardMarkup | None:
    """One row per item — [✅ 2.3] [💬] [📎] [⏰] [ℹ️] — and the page buttons."""
    if not views:
        return None
    builder = InlineKeyboardBuilder()
    shown = _ordered(views, now)[page * size : (page + 1) * size]
    for view in shown:
        assignment_id = view.assignment.id
        builder.button(
            text=t("my-button-done", number=view.item.number),
            callback_data=AssignmentCallback(action="done", assignment_id=assignment_id),
        )
        for action in MY_ACTIONS:
            builder.button(
                text=t(f"my-button-{action}"),
                callback_data=AssignmentCallback(action=action, assignment_id=assignment_id),
            )
    sizes = [1 + len(MY_ACTIONS)] * len(shown)
    pages = my_pages(views, size)
    if pages > 1:
        # The page number rides in assignment_id: AssignmentCallback(action="page").
        if page > 0:
            builder.button(
                text="◀️", callback_data=AssignmentCallback(action="page", assignment_id=page - 1)
            )
        if page + 1 < pages:
            builder.button(
                text="▶️", callback_data=AssignmentCallback(action="page", assignment_id=page + 1)
            )
        sizes.append(2 if 0 < page < pages - 1 else 1)
    builder.adjust(*sizes)
    return builder.as_markup()


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def render_assignment(t: Translator, view: AssignmentView, now: datetime) -> str:
    """The executor's card: what, by when, who answers, what the plan expects, its state."""
    today = local_today(now, view.cluster.timezone)
    # The due label reads «срок 01.05.2022 (через 3 дня)»: it opens the line by itself.
    due = _capitalized(_due_label(t, view.due, today))
    lines = [
        t("executor-card-title", number=view.item.number, cluster=view.cluster.name),
        html.escape(view.item.text[:1500]),
        t("executor-card-due", due=Html(due), phrase=view.item.deadline_text)
        if view.item.deadline_text
        else due,
    ]
    role = view.plan_role.name if view.plan_role else None
    organization = view.organization.name if view.organization else None
    if organization and role:
        lines.append(t("executor-card-who-of", organization=organization, role=role))
    elif organization or role:
        lines.append(t("executor-card-who", who=organization or role))
    if view.item.result_text:
        lines.append(t("executor-card-result", result=view.item.result_text))
    lines.append(
        t("executor-card-status", status=Html(t(f"status-{view.assignment.status.value}")))
    )
    if view.last_return_reason:
        lines.append(t("executor-card-returned", reason=view.last_return_reason))
    return "\n".join(lines)


def assignment_keyboard(t: Translator, view: AssignmentView) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for action in ("done", "note", "file", "move"):
        builder.button(
            text=t(f"button-{action}"),
            callback_data=AssignmentCallback(action=action, assignment_id=view.assignment.id),
        )
    builder.adjust(2, 2)
    return builder.as_markup()


def render_plan(t: Translator, overview: PlanOverview, now: datetime) -> list[str]:
    today = local_today(now, overview.cluster.timezone)
    lines = [t("plan-title", cluster=overview.cluster.name, count=len(overview.items))]
    section: str | None = None
    for progress in overview.items:
        if progress.section != section and progress.section:
            lines.append("\n<b>" + html.escape(_short(progress.section, 120)) + "</b>")
        section = progress.section
        if progress.status is ItemStatus.DONE:
            state = t("plan-state-done")
        elif progress.total == 0:
            state = t("plan-state-unassigned") if progress.has_dates else t("plan-state-undated")
        elif progress.per_organization:
            state = t("plan-state-colleges", done=progress.reported, total=progress.total)
        else:
            state = t("plan-state-reports", done=progress.reported, total=progress.total)
        due = (
            Html("; " + _due_label(t, progress.next_due, today))
            if progress.next_due and progress.status is ItemStatus.ACTIVE
            else ""
        )
        lines.append(
            t(
                "plan-line",
                number=progress.number,
                text=_short(progress.text, 70),
                state=Html(state),
                due=due,
            )
        )
    return _chunks(lines)


def _card_dates(t: Translator, card: ItemCard) -> str:
    return ", ".join(
        t("card-date-moved", due=o.due_date, original=o.original_due_date)
        if o.due_date != o.original_due_date
        else format_date(o.due_date)
        for o in card.item.occurrences
    )


def render_item_card(t: Translator, card: ItemCard, now: datetime) -> list[str]:
    """The card as messages within Telegram's limit: every college is shown, none dropped."""
    item = card.item
    tz = card.cluster.timezone
    lines = [
        t("card-title", number=item.number, cluster=card.cluster.name),
        html.escape(item.text),
        t("card-executors", executors=item.executors_text or "—"),
        t("card-deadline", phrase=item.deadline_text or "—"),
    ]
    if item.occurrences:
        lines.append(t("card-dates", dates=Html(_card_dates(t, card))))
    if item.result_text:
        lines.append(t("card-result", result=item.result_text))
    for indicator in item.indicators:
        # Per college, each college's value is shown under its report.
        lines.append(
            indicator_line(t, indicator, indicator.actual, plan_only=card.per_organization)
        )
    indicators = {i.id: i for i in item.indicators}
    lines.append(t("card-status", status=Html(t(f"item-status-{item.status.value}"))))
    if item.status_reason:
        lines.append(t("card-reason", reason=item.status_reason))
    if card.assignments:
        lines.append(
            t("card-mode-per-organization" if card.per_organization else "card-mode-shared")
        )
        lines.append("\n" + t("card-assignments", count=len(card.assignments)))
    for assignment in card.assignments:
        view = assignment.view
        who = (
            view.organization.name
            if view.organization
            else (view.plan_role.name if view.plan_role else "—")
        )
        due = (
            t("card-date-moved", due=view.due, original=view.occurrence.due_date)
            if view.due != view.occurrence.due_date
            else format_date(view.due)
        )
        lines.append(
            t(
                "card-assignment",
                who=who,
                due=Html(due),
                status=Html(t(f"status-{view.assignment.status.value}")),
            )
        )
        for report in assignment.reports:
            author = assignment.authors.get(report.author_id or 0)
            files = len(report.attachments)
            lines.append(
                t(
                    "card-report",
                    kind=Html(t(f"report-kind-{report.kind.value}")),
                    at=local_time(report.created_at, tz),
                    name=author.full_name if author else "—",
                    text=_short(report.text or "—", 1000),
                    files=Html(t("card-report-files", count=files) if files else ""),
                )
            )
            value = card.indicator_values.get(report.id)
            if value is not None and value.indicator_id in indicators:
                line = indicator_line(t, indicators[value.indicator_id], value.value)
                lines.append("    " + line)  # under the report that gave it
            if report.decision is not None:
                lines.append(
                    t(
                        "card-decision",
                        decision=Html(t(f"decision-label-{report.decision.value}")),
                        reason=report.decision_reason or "",
                    )
                )
    return _chunks(lines)


def card_files(card: ItemCard) -> int:
    return sum(len(r.attachments) for c in card.assignments for r in c.reports)


def item_card_keyboard(t: Translator, card: ItemCard) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    item_id = card.item.id
    sizes: list[int] = []
    files = card_files(card)
    if files:
        builder.button(
            text=t("card-files-button", count=files),
            callback_data=ItemCallback(action="files", item_id=item_id),
        )
    builder.button(
        text=t("card-button-history"), callback_data=ItemCallback(action="history", item_id=item_id)
    )
    sizes.append(2 if files else 1)
    if card.can_manage and card.item.status is ItemStatus.ACTIVE:
        builder.button(
            text=t("card-button-deadline"),
            callback_data=UndatedCallback(
                action="item", cluster_id=card.cluster.id, item_id=item_id
            ),
        )
        for action in ("executors", "close", "cancel"):
            builder.button(
                text=t(f"card-button-{action}"),
                callback_data=ItemCallback(action=action, item_id=item_id),
            )
        # The switch names what it switches to.
        switch = "shared" if card.per_organization else "per_organization"
        builder.button(
            text=t(f"card-button-{switch.replace('_', '-')}"),
            callback_data=ItemCallback(action=switch, item_id=item_id),
        )
        sizes.extend([2, 2, 1])
    builder.adjust(*sizes)
    return builder.as_markup()


def file_caption(t: Translator, card: ItemCard, report_author: str | None, party: str) -> str:
    return t(
        "card-file-caption",
        number=card.item.number,
        name=report_author or "—",
        organization=party or "—",
    )


def _history_action(t: Translator, entry: HistoryEntry) -> str:
    key = f"audit-{entry.action.replace('.', '-').replace('_', '-')}"
    action = t(key) if t.has(key) else html.escape(entry.action)
    if entry.party:
        action = t("history-party", action=Html(action), party=entry.party)
    if entry.before or entry.after:
        action = t(
            "history-dates",
            action=Html(action),
            before=", ".join(format_date(d) for d in entry.before) or "—",
            after=", ".join(format_date(d) for d in entry.after) or "—",
        )
    if entry.reason:
        action = t("history-reason", action=Html(action), reason=entry.reason)
    return action


def render_history(t: Translator, history: ItemHistory) -> list[str]:
    tz = history.cluster.timezone
    lines = [t("history-title", number=history.item.number)]
    for entry in history.entries:
        at = local_time(entry.at, tz).strftime("%d.%m.%Y %H:%M")
        if entry.action == "item.imported":
            lines.append(
                t("history-imported", title=entry.document or "—", date=local_time(entry.at, tz))
            )
            continue
        action = Html(_history_action(t, entry))
        if entry.actor:
            lines.append(t("history-line-by", at=at, actor=entry.actor, action=action))
        else:
            lines.append(t("history-line", at=at, action=action))
    if len(lines) == 1:
        lines.append(t("history-empty"))
    return _chunks(lines)
