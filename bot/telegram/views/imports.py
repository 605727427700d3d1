"""Texts and keyboards of the import: the preview, the result and what to do next, items
without dates, the CLI listing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.deadlines import (
    Deadline,
    DeadlineKind,
    Period,
    academic_year,
    calendar_year,
    needs_year,
)
from bot.domain.documents import DocumentKind, ParsedDocument
from bot.i18n import Html, Translator
from bot.services.imports import ImportPlan, ImportResult, NextSteps, needs_period
from bot.telegram.callbacks import ImportCallback, UndatedCallback
from bot.telegram.views.common import limited as _limited
from bot.telegram.views.common import short as _short
from storage.models import Cluster, Item

UNDATED_BUTTONS = 30  # item buttons under the list of items without dates


def _period(t: Translator, start: date | None, end: date | None) -> str:
    if start and end:
        return t("period-range", start=start, end=end)
    return t("period-none")


ROLES_SHOWN = 30  # executors named in a preview; a plan naming more says how many more


def _kind(t: Translator, deadline: Deadline, parsed: ParsedDocument) -> str:
    """How a deadline was read: «месяц», «по графику»; «нет года» for a phrase that only
    lacks the plan's period («Июнь» in a plan naming none), not «срок не распознан»."""
    if needs_period(parsed) and needs_year(deadline):
        return t("deadline-needs-year")
    if deadline.kind is DeadlineKind.UNRECOGNIZED and not deadline.text.strip():
        return t("deadline-kind-empty")  # an empty cell: nothing to recognise
    return t(f"deadline-kind-{deadline.kind.value}")


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
    if plan.other_cluster is not None and not plan.changes_nothing:
        parts.append(t("import-other-cluster", named=plan.other_cluster, cluster=plan.cluster.name))
    if plan.same_file:
        parts.append(t("import-same-file", count=len(doc.items)))
        return "\n\n".join(parts)
    if plan.existing is not None:
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
        names = [r.name for r in doc.roles[:ROLES_SHOWN]]
        if len(doc.roles) > ROLES_SHOWN:
            names.append(t("list-more", count=len(doc.roles) - ROLES_SHOWN))
        parts.append(t("import-roles", names=", ".join(names)))
    # Deadline warnings are the undated list below; the others are said here.
    noted = [w for w in doc.warnings if not w.code.startswith("warn-deadline-")]
    if noted:
        parts.append(
            t("import-warnings") + "\n" + _limited(t, [t(w.code, **w.args) for w in noted], 10)
        )
    done = sum(1 for item in doc.items if item.done)
    if done:
        parts.append(t("import-done-count", count=done))
    undated = plan.needing_dates
    if undated:
        lines = [
            t(
                "import-undated-line",
                number=item.number,
                phrase=_short(item.deadline.text, 60),
                kind=_kind(t, item.deadline, doc),
            )
            if item.deadline.text.strip()
            else t("import-undated-line-empty", number=item.number)
            for item in undated
        ]
        parts.append(t("import-undated", count=len(undated)) + "\n" + _limited(t, lines, 15))
    if ask and plan.period_choices:
        parts.append(t("import-period-ask"))
    if ask:
        parts.append(
            t("import-confirm-other", cluster=plan.cluster.name)
            if plan.other_cluster is not None
            else t("import-confirm-question")
        )
    return "\n\n".join(parts)


def import_confirm_keyboard(t: Translator, plan: ImportPlan) -> InlineKeyboardMarkup:
    """«Импортировать» — or, when the title names another cluster, an explicit «Всё равно
    импортировать в …» — and «Отмена»."""
    builder = InlineKeyboardBuilder()
    for period in plan.period_choices:  # a plan without a period: which one, first
        builder.button(
            text=period_label(t, period),
            callback_data=ImportCallback(
                action=("pa" if period.is_academic else "pc") + str(period.start.year),
                cluster_id=plan.cluster.id,
            ),
        )
    if plan.period_choices:
        builder.button(
            text=t("import-period-other"),
            callback_data=ImportCallback(action="po", cluster_id=plan.cluster.id),
        )
    builder.button(
        text=t("import-button-go-other", cluster=_short(plan.cluster.name, 40))
        if plan.other_cluster is not None
        else t("import-button-go"),
        callback_data=ImportCallback(action="go", cluster_id=plan.cluster.id),
    )
    builder.button(text=t("import-button-cancel"), callback_data=ImportCallback(action="no"))
    builder.adjust(1)
    return builder.as_markup()


def period_label(t: Translator, period: Period) -> str:
    """«2025/2026 учебный год», «2026 год», or the dates of any other span."""
    if period.is_academic:
        first, second = str(period.start.year), str(period.end.year)  # «2025», not «2 025»
        return t("import-period-school", first=first, second=second)
    if period == calendar_year(period.start.year):
        return t("import-period-calendar", year=str(period.start.year))
    return t("period-range", start=period.start, end=period.end)


def period_from_button(action: str) -> Period | None:
    """The period a button of ``import_confirm_keyboard`` names («pa2025», «pc2026»); None for
    «Другой…» and for anything garbled."""
    kind, digits = action[1:2], action[2:]
    if kind not in ("a", "c") or not digits.isdigit() or not 1900 <= int(digits) <= 2199:
        return None
    return academic_year(int(digits)) if kind == "a" else calendar_year(int(digits))


def clusters_keyboard(clusters: Sequence[Cluster]) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for cluster in clusters:
        builder.button(
            text=cluster.name, callback_data=ImportCallback(action="cluster", cluster_id=cluster.id)
        )
    builder.adjust(1)
    return builder.as_markup()


def render_import_result(
    t: Translator, result: ImportResult, steps: NextSteps, *, in_chat: bool = True
) -> str:
    """What the import did, then what the coordinator does next: invite the colleges, date the
    items without a date (the button under the message in the chat), bind the group."""
    if not result.applied:
        return t("import-nothing-changes")
    text = t("import-done", added=result.added, changed=result.changed, removed=result.removed)
    if not in_chat:
        if steps.undated:
            text += "\n" + t("import-undated-after", count=steps.undated)
        return text
    lines = []
    if steps.invite:
        lines.append(t("import-next-invite"))
    if steps.undated:
        lines.append(t("import-next-dates", count=steps.undated))
    if steps.bind:
        lines.append(t("import-next-bind"))
    if lines:
        text += "\n\n" + t("import-next-title") + "\n" + "\n".join(lines)
    return text


def undated_keyboard(t: Translator, cluster_id: int, count: int) -> InlineKeyboardMarkup | None:
    """The «📅 Указать сроки (N)» button, while some items have no date."""
    if not count:
        return None
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("undated-button", count=count),
        callback_data=UndatedCallback(action="list", cluster_id=cluster_id),
    )
    return builder.as_markup()


def render_undated(t: Translator, items: Sequence[Item]) -> str:
    if not items:
        return t("undated-none")
    lines = [
        t("import-item-line", number=item.number, text=_short(item.text))
        + " — "
        + t("undated-phrase", phrase=_short(item.deadline_text or "—", 60))
        for item in items
    ]
    return t("undated-title", count=len(items)) + "\n" + _limited(t, lines, UNDATED_BUTTONS)


def undated_items_keyboard(
    t: Translator, cluster_id: int, items: Sequence[Item]
) -> InlineKeyboardMarkup | None:
    """One button per item without a date (its number): pressing it asks for the date."""
    if not items:
        return None
    builder = InlineKeyboardBuilder()
    for item in items[:UNDATED_BUTTONS]:
        builder.button(
            text=t("undated-item-button", number=item.number),
            callback_data=UndatedCallback(action="item", cluster_id=cluster_id, item_id=item.id),
        )
    builder.adjust(5)
    return builder.as_markup()


def render_parsed_text(t: Translator, parsed: ParsedDocument) -> str:
    """A readable listing of a parsed document, for `workplan import FILE` without a cluster."""
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
        phrase = " ".join(item.deadline.text.split())  # «I, II кв.⏎II кв.» on the item's line
        lines.append(
            f"{item.number}. {_short(item.text, 100)}\n"
            f"    {', '.join(item.executors) or '—'} | {phrase or '—'}"
            f" [{_kind(t, item.deadline, parsed)}{': ' + dates if dates else ''}]"
            + (" ✓" if item.done else "")
        )
    return "\n".join(lines)
