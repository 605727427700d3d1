"""Texts of the plan as people read it: /my, the executor's card, /plan, item cards, history."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from bot.domain.calendar import local_today
from bot.i18n import Html, Translator
from bot.services.plans import PlanOverview
from bot.services.reports import AssignmentView, ItemCard
from bot.telegram.views.common import chunks as _chunks
from bot.telegram.views.common import due_label as _due_label
from bot.telegram.views.common import short as _short
from storage.models import AssignmentStatus, ItemStatus


def render_my(
    t: Translator, views: Sequence[AssignmentView], now: datetime, page: int, size: int
) -> str:
    if not views:
        return t("my-empty")

    def group_of(view: AssignmentView) -> str:
        today = local_today(now, view.cluster.timezone)
        due = view.occurrence.due_date
        return "overdue" if due < today else "week" if (due - today).days <= 7 else "later"

    groups: dict[str, list[AssignmentView]] = {"overdue": [], "week": [], "later": []}
    for view in views:
        groups[group_of(view)].append(view)
    ordered = groups["overdue"] + groups["week"] + groups["later"]
    shown = ordered[page * size : (page + 1) * size]
    lines = [t("my-title", count=len(views))]
    current = None
    for view in shown:
        due = view.occurrence.due_date
        group = group_of(view)
        if group != current:
            lines.append("\n" + t(f"my-group-{group}"))
            current = group
        lines.append(
            t(
                "my-line",
                number=view.item.number,
                text=_short(view.item.text, 90),
                due=Html(_due_label(t, due, local_today(now, view.cluster.timezone))),
                returned=Html(
                    t("my-returned") if view.assignment.status is AssignmentStatus.RETURNED else ""
                ),
            )
        )
    pages = (len(views) + size - 1) // size
    if pages > 1:
        lines.append("\n" + t("my-page", page=page + 1, pages=pages))
    return "\n".join(lines)


def render_assignment(t: Translator, view: AssignmentView, now: datetime) -> str:
    today = local_today(now, view.cluster.timezone)
    return t(
        "assignment-card",
        number=view.item.number,
        cluster=view.cluster.name,
        text=view.item.text[:1500],
        due=Html(_due_label(t, view.occurrence.due_date, today)),
        phrase=view.item.deadline_text or "—",
        organization=view.organization.name if view.organization else "—",
        role=view.plan_role.name if view.plan_role else "—",
        result=view.item.result_text or "—",
        status=Html(t(f"status-{view.assignment.status.value}")),
    )


def render_plan(t: Translator, overview: PlanOverview, now: datetime) -> list[str]:
    today = local_today(now, overview.cluster.timezone)
    lines = [t("plan-title", cluster=overview.cluster.name, count=len(overview.items))]
    section: str | None = None
    for progress in overview.items:
        if progress.section != section and progress.section:
            lines.append("\n<b>" + html.escape(_short(progress.section, 120)) + "</b>")
        section = progress.section
        item = progress.item
        if item.status is ItemStatus.DONE:
            state = t("plan-state-done")
        elif progress.total == 0:
            state = t("plan-state-unassigned") if item.occurrences else t("plan-state-undated")
        elif progress.per_organization:
            state = t("plan-state-colleges", done=progress.submitted, total=progress.total)
        else:
            state = t("plan-state-reports", done=progress.submitted, total=progress.total)
        due = (
            Html("; " + _due_label(t, progress.next_due, today))
            if progress.next_due and item.status is ItemStatus.ACTIVE
            else ""
        )
        lines.append(
            t(
                "plan-line",
                number=item.number,
                text=_short(item.text, 70),
                state=Html(state),
                due=due,
            )
        )
    return _chunks(lines)


def render_item_card(t: Translator, card: ItemCard, now: datetime) -> str:
    item = card.item
    lines = [
        t("card-title", number=item.number, cluster=card.cluster.name),
        html.escape(item.text[:1500]),
        t("card-executors", executors=item.executors_text or "—"),
        t("card-deadline", phrase=item.deadline_text or "—"),
    ]
    if item.occurrences:
        dates = ", ".join(
            o.due_date.strftime("%d.%m.%Y")
            + (
                f" (было {o.original_due_date:%d.%m.%Y})"
                if o.due_date != o.original_due_date
                else ""
            )
            for o in item.occurrences
        )
        lines.append(t("card-dates", dates=dates))
    if item.result_text:
        lines.append(t("card-result", result=item.result_text))
    for indicator in item.indicators:
        lines.append(t("card-indicator", text=indicator.text, actual=indicator.actual or "—"))
    lines.append(t("card-status", status=Html(t(f"item-status-{item.status.value}"))))
    if item.status_reason:
        lines.append(t("card-reason", reason=item.status_reason))
    if card.assignments:
        lines.append("\n" + t("card-assignments", count=len(card.assignments)))
    for assignment in card.assignments:
        view = assignment.view
        who = (
            view.organization.name
            if view.organization
            else (view.plan_role.name if view.plan_role else "—")
        )
        lines.append(
            t(
                "card-assignment",
                who=who,
                due=view.occurrence.due_date,
                status=Html(t(f"status-{view.assignment.status.value}")),
            )
        )
        for report in assignment.reports:
            author = assignment.authors.get(report.author_id or 0)
            lines.append(
                t(
                    "card-report",
                    kind=Html(t(f"report-kind-{report.kind.value}")),
                    at=report.created_at.strftime("%d.%m.%Y"),
                    name=author.full_name if author else "—",
                    text=_short(report.text or "—", 300),
                    files=len(report.attachments),
                )
            )
            if report.decision is not None:
                lines.append(
                    t(
                        "card-decision",
                        decision=Html(t(f"decision-label-{report.decision.value}")),
                        reason=report.decision_reason or "",
                    )
                )
    return "\n".join(lines)[:4000]


def render_history(t: Translator, card: ItemCard) -> str:
    lines = [t("history-title", number=card.item.number)]
    for entry in card.history:
        lines.append(
            t(
                "history-line",
                at=entry.created_at.strftime("%d.%m.%Y %H:%M"),
                action=Html(t(f"audit-{entry.action.replace('.', '-').replace('_', '-')}")),
            )
        )
    if len(lines) == 1:
        lines.append(t("history-empty"))
    return "\n".join(lines)[:4000]
