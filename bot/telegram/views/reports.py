"""Texts and keyboards of the report dialog, /done and the coordinator's decisions."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.drafts import DraftKind, ReportDraft
from bot.i18n import Translator
from bot.services.indicators import indicator_for
from bot.services.items import AssignmentView
from bot.telegram.callbacks import AssignmentCallback
from bot.telegram.views.common import chunks, short
from storage.models import Indicator, Item, Report


def draft_keyboard(t: Translator, assignment_id: int) -> InlineKeyboardMarkup:
    """«📨 Отправить» and «Отмена»: always on the latest message of the dialog."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("report-send"),
        callback_data=AssignmentCallback(action="send", assignment_id=assignment_id),
    )
    builder.button(
        text=t("report-cancel"),
        callback_data=AssignmentCallback(action="skip", assignment_id=assignment_id),
    )
    return builder.as_markup()


def render_report_prompt(t: Translator, view: AssignmentView, kind: DraftKind) -> str:
    text = t(f"report-ask-{kind.value}", number=view.item.number, text=short(view.item.text, 300))
    if kind is DraftKind.DONE and view.item.result_text:
        text += "\n" + t("report-ask-result", result=short(view.item.result_text, 300))
    return text


def render_collected(t: Translator, draft: ReportDraft) -> str:
    return t("report-collected", files=len(draft.files), words=1 if draft.text else 0)


def render_sent(t: Translator, kind: DraftKind, as_note: bool) -> str:
    if as_note:
        return t("report-kept-as-note")
    return t(f"report-sent-{kind.value}")


def render_report_in_full(t: Translator, report: Report, view: AssignmentView) -> list[str]:
    """Everything a report holds that a notice may have cut, as messages within the limit."""
    lines = [t("report-full-title", number=view.item.number)]
    if report.text:
        lines.append(t("report-full-text", text=report.text))
    if report.decision_reason:
        lines.append(t("report-full-reason", reason=report.decision_reason))
    return chunks(lines)


# --- indicators: the actual value asked before a done report goes ------------------------------


def indicator_question_data(view: AssignmentView) -> dict[str, str | int | None] | None:
    """What the question about the item's indicator shows, kept in the dialog's data."""
    indicator = indicator_for(view.item, view.due)
    if indicator is None:
        return None
    return {
        "number": view.item.number,
        "year": indicator.year,
        "target": indicator.target,
        "text": indicator.text,
    }


def render_indicator_question(t: Translator, data: Mapping[str, Any]) -> str:
    return t(
        "indicator-ask",
        number=str(data.get("number") or ""),
        year=str(data.get("year") or ""),
        target=str(data.get("target") or "—"),
        text=short(str(data.get("text") or ""), 300),
    )


def indicator_keyboard(t: Translator, assignment_id: int) -> InlineKeyboardMarkup:
    """«Пропустить» (send without the value) and «Отмена»."""
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("indicator-skip"),
        callback_data=AssignmentCallback(action="noact", assignment_id=assignment_id),
    )
    builder.button(
        text=t("report-cancel"),
        callback_data=AssignmentCallback(action="skip", assignment_id=assignment_id),
    )
    return builder.as_markup()


def indicator_line(
    t: Translator, indicator: Indicator, actual: str | None, *, plan_only: bool = False
) -> str:
    """«Показатель 2022: план 50% — факт 52%» (the plan's wording when it names no target)."""
    if indicator.year is None or indicator.target is None:
        return t("card-indicator", text=indicator.text, actual=actual or "—")
    if plan_only:
        return t("indicator-plan", year=str(indicator.year), target=indicator.target)
    if actual is None:
        return t("indicator-no-actual", year=str(indicator.year), target=indicator.target)
    return t("indicator-line", year=str(indicator.year), target=indicator.target, actual=actual)


def indicator_notice_line(
    t: Translator, item: Item, due: date, payload: dict[str, object]
) -> str | None:
    """The indicator line of a coordinator's notice of a done report: the value it gave."""
    indicator = indicator_for(item, due)
    if indicator is None:
        return None
    actual = payload.get("indicator_actual")
    return indicator_line(t, indicator, actual if isinstance(actual, str) else None)
