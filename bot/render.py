"""Message texts: pure functions from service results to HTML, through the catalogues."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.documents import DocumentKind, ParsedDocument
from bot.i18n import Html, Translator
from bot.services.imports import ImportPlan, ImportResult
from bot.services.onboarding import StartOutcome
from bot.services.plans import PlanOverview
from bot.services.reports import AssignmentView, ItemCard
from storage.models import AssignmentStatus, Invite, Item, ItemStatus, Membership


def render_start(t: Translator, outcome: StartOutcome) -> str:
    parts: list[str] = []
    name = outcome.person.full_name
    if outcome.granted_admin:
        parts.append(t("start-admin-granted", name=name))
    elif outcome.memberships:
        parts.append(t("start-welcome-back", name=name))
    else:
        parts.append(t("start-welcome-new", name=name))
    if outcome.memberships:
        lines = [
            t(
                "start-membership-line",
                cluster=m.cluster.name,
                role=Html(t(f"role-{m.role.value}")),
            )
            for m in outcome.memberships
        ]
        parts.append(t("start-memberships", count=len(lines)) + "\n" + "\n".join(lines))
    elif not outcome.is_admin:
        parts.append(t("start-how-to-join"))
    if outcome.is_admin:
        parts.append(t("start-admin-hint"))
    parts.append(t("start-help-hint"))
    return "\n\n".join(parts)


PREVIEW_LIST_LIMIT = 10


def _period(t: Translator, start: date | None, end: date | None) -> str:
    if start and end:
        return t("period-range", start=start, end=end)
    return t("period-none")


def _limited(t: Translator, lines: list[str], limit: int = PREVIEW_LIST_LIMIT) -> str:
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(t("list-more", count=len(lines) - limit))
    return "\n".join(shown)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_import_preview(t: Translator, plan: ImportPlan, *, ask: bool = True) -> str:
    doc = plan.parsed
    kind = t("doc-kind-protocol") if doc.kind is DocumentKind.PROTOCOL else t("doc-kind-plan")
    head = [
        t("import-preview-title"),
        t("import-preview-cluster", cluster=plan.cluster.name),
        t("import-preview-document", kind=kind, title=_short(doc.title, 200)),
    ]
    if doc.number:
        head.append(t("import-preview-number-date", number=doc.number, date=doc.date or "—"))
    elif doc.date:
        head.append(t("import-preview-date", date=doc.date))
    head.append(
        t(
            "import-preview-period",
            period=Html(
                _period(t, *(doc.period.start, doc.period.end) if doc.period else (None, None))
            ),
        )
    )
    parts = ["\n".join(head)]
    if plan.same_file:
        parts.append(t("import-same-file", count=len(doc.items)))
        return "\n\n".join(parts)
    if plan.is_reimport:
        assert plan.existing is not None
        parts.append(t("import-reimport-of", title=_short(plan.existing.title, 200)))
        changes = [
            t("import-added", count=len(plan.added)),
            _limited(
                t, [t("import-item-line", number=p.number, text=_short(p.text)) for p in plan.added]
            ),
            t("import-removed", count=len(plan.removed)),
            _limited(
                t,
                [t("import-item-line", number=i.number, text=_short(i.text)) for i in plan.removed],
            ),
            t("import-changed", count=len(plan.changed)),
            _limited(
                t,
                [
                    t(
                        "import-changed-line",
                        number=c.parsed.number,
                        fields=", ".join(t(f"import-field-{f}") for f in c.fields),
                    )
                    for c in plan.changed
                ],
            ),
            t("import-unchanged", count=plan.unchanged),
        ]
        parts.append("\n".join(line for line in changes if line))
        if plan.changes_nothing:
            parts.append(t("import-nothing-changes"))
            return "\n\n".join(parts)
        parts.append(t("import-reports-kept"))
    else:
        by_section: dict[str | None, int] = {}
        for item in doc.items:
            by_section[item.section] = by_section.get(item.section, 0) + 1
        lines = [
            t("import-section-line", title=_short(title or t("import-no-section"), 90), count=count)
            for title, count in by_section.items()
        ]
        parts.append(
            t("import-items-total", count=len(doc.items), sections=len(doc.sections))
            + "\n"
            + _limited(t, lines, 15)
        )
    if doc.roles:
        parts.append(t("import-roles", names=", ".join(r.name for r in doc.roles)))
    done = sum(1 for item in doc.items if item.done)
    if done:
        parts.append(t("import-done-count", count=done))
    undated = plan.needing_dates
    if undated:
        lines = [
            t(
                "import-undated-line",
                number=item.number,
                phrase=_short(item.deadline.text or "—", 60),
                kind=t(f"deadline-kind-{item.deadline.kind.value}"),
            )
            for item in undated
        ]
        parts.append(t("import-undated", count=len(undated)) + "\n" + _limited(t, lines, 15))
    if ask:
        parts.append(t("import-confirm-question"))
    return "\n\n".join(parts)


def render_import_result(t: Translator, result: ImportResult, undated: int) -> str:
    if not result.applied:
        return t("import-nothing-changes")
    text = t(
        "import-done",
        added=result.added,
        changed=result.changed,
        removed=result.removed,
    )
    if undated:
        text += "\n\n" + t("import-undated-after", count=undated)
    return text


def render_undated(t: Translator, items: Sequence[Item]) -> str:
    if not items:
        return t("undated-none")
    lines = [
        t("import-item-line", number=item.number, text=_short(item.text))
        + " — "
        + t("undated-phrase", phrase=_short(item.deadline_text or "—", 60))
        for item in items[:30]
    ]
    return t("undated-title", count=len(items)) + "\n" + _limited(t, lines, 30)


def render_parsed_text(parsed: ParsedDocument, t: Translator | None = None) -> str:
    """A readable listing of a parsed document, for `workplan import FILE` without a cluster."""
    from bot.i18n import default_translations

    t = t or default_translations().get("ru")
    kind = t("doc-kind-protocol") if parsed.kind is DocumentKind.PROTOCOL else t("doc-kind-plan")
    lines = [t("import-preview-document", kind=kind, title=parsed.title)]
    if parsed.number:
        lines.append(t("import-preview-number-date", number=parsed.number, date=parsed.date or "—"))
    elif parsed.date:
        lines.append(t("import-preview-date", date=parsed.date))
    period = parsed.period
    lines.append(
        t(
            "import-preview-period",
            period=Html(
                _period(t, period.start if period else None, period.end if period else None)
            ),
        )
    )
    lines.append("")
    section: str | None = None
    for item in parsed.items:
        if item.section != section and item.section:
            lines.append(f"\n{item.section}")
        section = item.section
        dates = ", ".join(
            (f"{o.start:%d.%m.%Y}–" if o.start else "") + f"{o.due:%d.%m.%Y}"
            for o in item.deadline.occurrences
        )
        lines.append(
            f"{item.number}. {_short(item.text, 100)}\n"
            f"    {', '.join(item.executors) or '—'} | {item.deadline.text or '—'}"
            f" [{t(f'deadline-kind-{item.deadline.kind.value}')}{': ' + dates if dates else ''}]"
            + (" ✓" if item.done else "")
        )
    return "\n".join(lines)


# --- issue 4: people and the control loop -------------------------------------------------------

MESSAGE_LIMIT = 3800  # Telegram allows 4096 characters; keep room for markup


def render_invite(t: Translator, invite: Invite, link: str) -> str:
    roles = ", ".join(r.name for r in invite.plan_roles) or "—"
    return t(
        "invite-created",
        role=Html(t(f"role-{invite.role.value}")),
        roles=roles,
        expires=invite.expires_at.strftime("%d.%m.%Y %H:%M"),
        uses=invite.max_uses,
        link=link,
    )


def render_members(t: Translator, cluster: str, members: Sequence[Membership]) -> str:
    lines = [
        t(
            "member-line",
            name=m.person.full_name,
            role=Html(t(f"role-{m.role.value}")),
            organization=m.organization.name if m.organization else "—",
            roles=", ".join(r.name for r in m.plan_roles) or "—",
        )
        for m in members
    ]
    return t("members-title", cluster=cluster, count=len(members)) + "\n" + "\n".join(lines)


def local_today(now: datetime, timezone: str) -> date:
    """Today in a cluster's time zone: deadlines are days of the cluster, not of UTC."""
    try:
        return now.astimezone(ZoneInfo(timezone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return now.date()


def _due_label(t: Translator, due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return t("due-overdue", date=due, days=-days)
    if days == 0:
        return t("due-today", date=due)
    return t("due-in", date=due, days=days)


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


def _chunks(lines: list[str]) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + len(line) + 1 > MESSAGE_LIMIT:
            chunks.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


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
