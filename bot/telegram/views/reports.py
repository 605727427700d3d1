"""Texts and keyboards of the report dialog, /done and the coordinator's decisions."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.drafts import DraftKind, ReportDraft
from bot.i18n import Translator
from bot.services.items import AssignmentView
from bot.telegram.callbacks import AssignmentCallback
from bot.telegram.views.common import chunks, short
from storage.models import Report


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
