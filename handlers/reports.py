"""The control loop in chat: reporting with comments and files, /done, moves, decisions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import suppress
from datetime import date

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.domain.drafts import DraftFile, DraftKind, ReportDraft
from bot.i18n import Translator
from bot.services.reports import ReportService, Submitted
from bot.telegram.callbacks import AssignmentCallback, ReportCallback
from bot.telegram.views.reports import (
    draft_keyboard,
    indicator_keyboard,
    indicator_question_data,
    render_collected,
    render_indicator_question,
    render_report_in_full,
    render_report_prompt,
    render_sent,
)
from handlers.filters import PRIVATE, TYPED, Registered, WithMessage
from handlers.replies import answer_parts, drop_buttons
from handlers.states import ExtensionDialog, ReportDialog, ReturnDialog
from storage.models import Person


async def begin_report(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    kind = DraftKind(callback_data.action)
    view = await reports.begin(person, callback_data.assignment_id, kind)
    await query.answer()
    prompt = await message.answer(
        render_report_prompt(t, view, kind), reply_markup=draft_keyboard(t, view.assignment.id)
    )
    draft = reports.new_draft(view, kind)
    await state.set_state(ReportDialog.collecting)
    await state.set_data(
        {
            "draft": draft.to_data(),
            "prompt": prompt.message_id,
            **({"question": indicator_question_data(view)} if draft.indicator_year else {}),
        }
    )


def _file_of(message: Message) -> DraftFile | None:
    if message.document is not None:
        document = message.document
        return DraftFile(
            kind="document",
            file_id=document.file_id,
            file_unique_id=document.file_unique_id,
            file_name=document.file_name,
            mime_type=document.mime_type,
            size=document.file_size,
        )
    if message.photo:
        photo = message.photo[-1]
        return DraftFile(
            kind="photo",
            file_id=photo.file_id,
            file_unique_id=photo.file_unique_id,
            mime_type="image/jpeg",
            size=photo.file_size,
        )
    return None


async def collect_report_part(
    message: Message,
    bot: Bot,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    """A comment or a file for the report being written; «Отправить» moves to this answer.

    Once «📨 Отправить» has asked for the indicator's actual value, a typed line is that value
    and the report goes; a file is still added to the report, and the question stays."""
    data = await state.get_data()
    draft = ReportDraft.from_data(data["draft"])
    file = _file_of(message)
    if draft.indicator_asked and file is None:
        draft.set_actual(message.text or "")
        await _submit(message, state, person, reports, t, draft, data.get("prompt"), bot)
        return
    if file is not None:
        draft.add_file(file)
    draft.add_text(message.caption if message.caption is not None else message.text or "")
    if draft.indicator_asked:
        answer = await message.answer(
            t("indicator-file-added", files=len(draft.files)),
            reply_markup=indicator_keyboard(t, draft.assignment_id),
        )
    else:
        answer = await message.answer(
            render_collected(t, draft), reply_markup=draft_keyboard(t, draft.assignment_id)
        )
    previous = data.get("prompt")
    await state.update_data(draft=draft.to_data(), prompt=answer.message_id)
    if previous:
        with suppress(TelegramBadRequest):  # already edited or too old: nothing to take off
            await bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=int(previous), reply_markup=None
            )


async def send_report(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    data = await state.get_data()
    draft = ReportDraft.from_data(data["draft"]) if data.get("draft") else None
    if draft is None or draft.assignment_id != callback_data.assignment_id:
        await query.answer(t("error-stale-button"), show_alert=True)
        return
    if draft.awaits_actual and data.get("question"):
        await query.answer()
        await drop_buttons(message)
        await _ask_actual(message, state, t, draft, data["question"])
        return
    await state.clear()  # committed together with the report, or not at all
    submitted = await reports.submit(person, draft)
    await query.answer()
    await drop_buttons(message)
    await message.answer(render_sent(t, draft.kind, submitted.as_note))


async def _ask_actual(
    message: Message,
    state: FSMContext,
    t: Translator,
    draft: ReportDraft,
    question: Mapping[str, object],
) -> None:
    """The indicator's question; what was typed so far stays in the draft until it is sent."""
    draft.indicator_asked = True
    asked = await message.answer(
        render_indicator_question(t, question),
        reply_markup=indicator_keyboard(t, draft.assignment_id),
    )
    await state.set_state(ReportDialog.collecting)
    await state.set_data(
        {"draft": draft.to_data(), "prompt": asked.message_id, "question": question}
    )


async def _submit(
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
    draft: ReportDraft,
    prompt: object,
    bot: Bot,
) -> None:
    await state.clear()  # committed together with the report, or not at all
    submitted = await reports.submit(person, draft)
    if prompt:
        with suppress(TelegramBadRequest):  # already edited or too old: nothing to take off
            await bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=int(str(prompt)), reply_markup=None
            )
    await message.answer(render_sent(t, draft.kind, submitted.as_note))


async def skip_actual(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    """«Пропустить»: the done report goes without the indicator's value."""
    data = await state.get_data()
    draft = ReportDraft.from_data(data["draft"]) if data.get("draft") else None
    if (
        draft is None
        or draft.assignment_id != callback_data.assignment_id
        or not draft.indicator_asked
    ):
        await query.answer(t("error-stale-button"), show_alert=True)
        return
    await state.clear()
    submitted = await reports.submit(person, draft)
    await query.answer()
    await drop_buttons(message)
    await message.answer(render_sent(t, draft.kind, submitted.as_note))


async def cancel_report(
    query: CallbackQuery, message: Message, state: FSMContext, t: Translator
) -> None:
    await state.clear()
    await query.answer()
    await drop_buttons(message)
    await message.answer(t("report-cancelled"))


_DONE_ARGS = re.compile(r"^\s*(?P<number>\d{1,3}(?:\.\d{1,3}){0,3})\.?\s*(?P<text>.*)$", re.S)


async def mark_done_by_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    match = _DONE_ARGS.match(command.args or "")
    if not match:
        await message.answer(t("done-usage"))
        return
    draft, view = await reports.done_draft_by_number(person, match["number"], match["text"])
    question = indicator_question_data(view)
    if draft.awaits_actual and question and message.chat.type == ChatType.PRIVATE:
        await _ask_actual(message, state, t, draft, question)
        return
    submitted = await reports.submit(person, draft)
    await message.reply(render_sent_by_command(t, submitted))


def render_sent_by_command(t: Translator, submitted: Submitted) -> str:
    if submitted.as_note:
        return t("report-kept-as-note")
    return t("done-accepted", number=submitted.view.item.number)


async def begin_extension(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    view = await reports.begin_extension(person, callback_data.assignment_id)
    await query.answer()
    await state.set_state(ExtensionDialog.new_date)
    await state.set_data({"assignment_id": view.assignment.id})
    await message.answer(t("extension-ask-date", number=view.item.number, due=view.due))


async def extension_date_typed(
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    data = await state.get_data()
    due = await reports.read_new_due(person, int(data["assignment_id"]), message.text or "")
    await state.update_data(new_due=due.isoformat())
    await state.set_state(ExtensionDialog.reason)
    await message.answer(t("extension-ask-reason", due=due))


async def extension_reason_typed(
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    data = await state.get_data()
    new_due = date.fromisoformat(data["new_due"])
    await state.clear()
    await reports.request_extension(person, int(data["assignment_id"]), new_due, message.text or "")
    await message.answer(t("extension-sent", due=new_due))


async def accept_report(
    query: CallbackQuery,
    callback_data: ReportCallback,
    message: Message,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    decided = await reports.decide(person, callback_data.report_id, accept=True)
    await query.answer()
    await drop_buttons(message)
    await message.answer(t("decision-accepted", number=decided.view.item.number))


async def ask_return_reason(
    query: CallbackQuery,
    callback_data: ReportCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    await reports.report_for_decision(person, callback_data.report_id)
    await query.answer()
    await state.set_state(ReturnDialog.reason)
    await state.set_data({"report_id": callback_data.report_id})
    await message.answer(t("decision-ask-reason"))


async def return_reason_typed(
    message: Message,
    state: FSMContext,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    data = await state.get_data()
    await state.clear()
    decided = await reports.decide(
        person, int(data["report_id"]), accept=False, reason=message.text
    )
    await message.answer(t("decision-returned", number=decided.view.item.number))


async def decide_extension(
    query: CallbackQuery,
    callback_data: ReportCallback,
    message: Message,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    approve = callback_data.action == "ok"
    decided = await reports.decide_extension(person, callback_data.report_id, approve)
    await query.answer()
    await drop_buttons(message)
    key = "decision-extension-approved" if approve else "decision-extension-rejected"
    await message.answer(
        t(key, number=decided.view.item.number, due=decided.report.requested_due_date)
    )


async def resend_report_files(
    query: CallbackQuery,
    callback_data: ReportCallback,
    bot: Bot,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    report, item = await reports.report_files(person, callback_data.report_id)
    await query.answer()
    caption = t("report-file-caption", number=item.number)
    for attachment in report.attachments:
        if attachment.kind == "photo":
            await bot.send_photo(query.from_user.id, attachment.telegram_file_id, caption=caption)
        else:
            await bot.send_document(
                query.from_user.id, attachment.telegram_file_id, caption=caption
            )


async def show_report_in_full(
    query: CallbackQuery,
    callback_data: ReportCallback,
    message: Message,
    person: Person,
    reports: ReportService,
    t: Translator,
) -> None:
    report, view = await reports.report_in_full(person, callback_data.report_id)
    await query.answer()
    await answer_parts(message, render_report_in_full(t, report, view))


def _assignments_of(message: Message) -> list[int]:
    """The assignments a bot message is about: its «✅» buttons name them."""
    markup = message.reply_markup
    if markup is None or message.from_user is None or not message.from_user.is_bot:
        return []
    found: list[int] = []
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data or ""
            if data.startswith(AssignmentCallback.__prefix__ + ":done:"):
                assignment_id = AssignmentCallback.unpack(data).assignment_id
                if assignment_id not in found:
                    found.append(assignment_id)
    return found


async def mark_done_by_reply(
    message: Message, state: FSMContext, person: Person, reports: ReportService, t: Translator
) -> None:
    """A reply to a reminder or notice with a «✅» button: the reply is the done report."""
    assert message.reply_to_message is not None  # the filter F.reply_to_message says so
    assignments = _assignments_of(message.reply_to_message)
    if not assignments:
        await message.answer(t("unknown-input"))
        return
    if len(assignments) > 1:
        # A digest of several items: the reply cannot say which one is done.
        await message.reply(t("reply-which-item"))
        return
    draft, view = await reports.done_draft_by_reply(person, assignments[0], message.text or "")
    question = indicator_question_data(view)
    if draft.awaits_actual and question:
        await _ask_actual(message, state, t, draft, question)
        return
    submitted = await reports.submit(person, draft)
    await message.reply(render_sent_by_command(t, submitted))


def create_router() -> Router:
    router = Router(name="reports")
    router.message.filter(Registered())
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(mark_done_by_command, Command("done"))
    router.message.register(
        mark_done_by_reply, StateFilter(None), PRIVATE, F.reply_to_message, TYPED
    )
    router.callback_query.register(
        begin_report, AssignmentCallback.filter(F.action.in_({"done", "note", "file"}))
    )
    router.callback_query.register(
        send_report,
        StateFilter(ReportDialog.collecting),
        AssignmentCallback.filter(F.action == "send"),
    )
    router.callback_query.register(
        skip_actual,
        StateFilter(ReportDialog.collecting),
        AssignmentCallback.filter(F.action == "noact"),
    )
    router.callback_query.register(cancel_report, AssignmentCallback.filter(F.action == "skip"))
    router.message.register(
        collect_report_part, ReportDialog.collecting, PRIVATE, F.document | F.photo | TYPED
    )
    router.callback_query.register(begin_extension, AssignmentCallback.filter(F.action == "move"))
    router.message.register(extension_date_typed, ExtensionDialog.new_date, PRIVATE, TYPED)
    router.message.register(extension_reason_typed, ExtensionDialog.reason, PRIVATE, TYPED)
    router.callback_query.register(accept_report, ReportCallback.filter(F.action == "acc"))
    router.callback_query.register(ask_return_reason, ReportCallback.filter(F.action == "ret"))
    router.message.register(return_reason_typed, ReturnDialog.reason, PRIVATE, TYPED)
    router.callback_query.register(
        decide_extension, ReportCallback.filter(F.action.in_({"ok", "no"}))
    )
    router.callback_query.register(resend_report_files, ReportCallback.filter(F.action == "files"))
    router.callback_query.register(show_report_in_full, ReportCallback.filter(F.action == "full"))
    return router
