"""Each notice kind's text and buttons, made at send time in the recipient's language."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.domain.notices import NoticeKind
from bot.i18n import Html, Translator
from bot.services.notices import ReportFacts, StartLinkFacts, UnreachableFacts
from bot.telegram.callbacks import AssignmentCallback, ItemCallback, ReportCallback
from bot.telegram.views.common import short
from bot.telegram.views.reports import indicator_notice_line

COMMENT_LIMIT = 1500  # of a report's comment inside a notice; the card holds the rest
REASON_LIMIT = 1500  # of a typed reason inside a notice (up to 4,096 typed): cut visibly


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str  # a photo's caption (≤ 1,024 characters) when ``photo`` is set
    keyboard: InlineKeyboardMarkup | None = None
    photo: bytes | None = None  # a PNG sent with send_photo before the text parts


def _who(t: Translator, facts: ReportFacts) -> str:
    name = facts.author.full_name if facts.author else t("notice-someone")
    if facts.organization is not None:
        return t("notice-author-of", name=name, organization=facts.organization.name)
    return t("notice-author", name=name)


def _comment(t: Translator, text: str | None) -> str | None:
    if not text:
        return None
    if len(text) > COMMENT_LIMIT:
        text = text[: COMMENT_LIMIT - 1].rstrip() + "…"
        return t("notice-comment-cut", comment=text)
    return t("notice-comment", comment=text)


def _reason(text: str | None) -> str:
    """A typed reason as a notice quotes it: whole, or cut visibly at a word with «…»."""
    text = text or ""
    if len(text) <= REASON_LIMIT:
        return text
    return text[: REASON_LIMIT - 1].rsplit(" ", 1)[0].rstrip() + "…"


def render_report_notice(
    t: Translator, kind: NoticeKind, facts: ReportFacts, payload: dict[str, object]
) -> Rendered:
    item, report = facts.item, facts.report
    head = {
        "number": item.number,
        "cluster": facts.cluster.name,
        "text": short(item.text, 300),
    }
    builder = InlineKeyboardBuilder()
    lines: list[str] = []
    if kind is NoticeKind.REPORT_SUBMITTED:
        lines.append(t("notice-report-title", **head))
        lines.append(_who(t, facts))
        indicator = indicator_notice_line(t, item, facts.due, payload)
        if indicator:
            lines.append(indicator)
        if facts.attempt > 1:
            lines.append(
                t(
                    "notice-report-again",
                    attempt=facts.attempt,
                    reason=_reason(facts.previous_return_reason),
                )
            )
        comment = _comment(t, report.text)
        if comment:
            lines.append(comment)
        files = len(report.attachments)
        if files:
            lines.append(t("notice-files", count=files))
        builder.button(
            text=t("button-accept"), callback_data=ReportCallback(action="acc", report_id=report.id)
        )
        builder.button(
            text=t("button-return"), callback_data=ReportCallback(action="ret", report_id=report.id)
        )
        builder.button(
            text=t("button-card"), callback_data=ItemCallback(action="card", item_id=item.id)
        )
        if files:
            builder.button(
                text=t("button-report-files", count=files),
                callback_data=ReportCallback(action="files", report_id=report.id),
            )
        builder.adjust(2, 2)
    elif kind is NoticeKind.EXTENSION_REQUESTED:
        lines.append(t("notice-extension-title", **head))
        lines.append(_who(t, facts))
        old = payload.get("old_due")
        lines.append(
            t(
                "notice-extension-dates",
                old=date.fromisoformat(old) if isinstance(old, str) else facts.due,
                new=_requested(facts),
            )
        )
        lines.append(t("notice-extension-reason", reason=_reason(report.text)))
        builder.button(
            text=t("button-approve"), callback_data=ReportCallback(action="ok", report_id=report.id)
        )
        builder.button(
            text=t("button-reject"), callback_data=ReportCallback(action="no", report_id=report.id)
        )
        builder.button(
            text=t("button-card"), callback_data=ItemCallback(action="card", item_id=item.id)
        )
        builder.adjust(2, 1)
    elif kind is NoticeKind.REPORT_ACCEPTED:
        lines.append(t("notice-accepted", **head))
    elif kind is NoticeKind.REPORT_RETURNED:
        lines.append(t("notice-returned", **head))
        lines.append(t("notice-returned-reason", reason=_reason(report.decision_reason)))
        lines.append(t("notice-returned-next"))
        builder.button(
            text=t("button-done"),
            callback_data=AssignmentCallback(action="done", assignment_id=facts.assignment.id),
        )
        builder.button(
            text=t("button-more"),
            callback_data=AssignmentCallback(action="info", assignment_id=facts.assignment.id),
        )
        builder.adjust(2)
    elif kind is NoticeKind.EXTENSION_APPROVED:
        lines.append(t("notice-extension-approved", **head, new=_requested(facts)))
    elif kind is NoticeKind.EXTENSION_REJECTED:
        lines.append(t("notice-extension-rejected", **head, due=facts.due))
    else:  # pragma: no cover - every report kind is listed above
        raise ValueError(kind)
    if _was_cut(kind, facts):
        builder.row(
            InlineKeyboardButton(
                text=t("button-full-text"),
                callback_data=ReportCallback(action="full", report_id=report.id).pack(),
            )
        )
    markup = builder.as_markup() if builder.buttons else None
    return Rendered("\n".join(lines), markup if markup and markup.inline_keyboard else None)


def _was_cut(kind: NoticeKind, facts: ReportFacts) -> bool:
    """Whether the notice quotes what a person typed only in part: the rest is a press away."""
    report = facts.report
    if kind is NoticeKind.REPORT_SUBMITTED:
        return (
            len(report.text or "") > COMMENT_LIMIT
            or len(facts.previous_return_reason or "") > REASON_LIMIT
        )
    if kind is NoticeKind.EXTENSION_REQUESTED:
        return len(report.text or "") > REASON_LIMIT
    if kind is NoticeKind.REPORT_RETURNED:
        return len(report.decision_reason or "") > REASON_LIMIT
    return False


def _requested(facts: ReportFacts) -> date:
    return facts.report.requested_due_date or facts.due


def render_start_link(t: Translator, facts: StartLinkFacts, bot_username: str) -> Rendered:
    person = facts.person
    mention = f'<a href="tg://user?id={person.telegram_id}">{html.escape(person.full_name)}</a>'
    return Rendered(
        t("notify-start-link", mention=Html(mention), link=f"https://t.me/{bot_username}")
    )


def render_person_unreachable(t: Translator, facts: UnreachableFacts) -> Rendered:
    """To a coordinator: Telegram refuses to deliver to a member (blocked the bot)."""
    name = facts.person.full_name
    if facts.organization is not None:
        return Rendered(t("notice-unreachable-of", name=name, organization=facts.organization.name))
    return Rendered(t("notice-unreachable", name=name))
