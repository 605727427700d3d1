"""The control loop in chat: /my, reporting with comments and files, /done, decisions."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.clock import Clock
from bot.domain.deadlines import DeadlineKind, parse_deadline
from bot.errors import InvalidInput
from bot.i18n import Translator
from bot.services.people import PeopleService
from bot.services.reports import FileInfo, ReportService
from bot.telegram.callbacks import AssignmentCallback, ReportCallback
from bot.telegram.views.items import render_assignment, render_my
from handlers.states import ExtensionDialog, ReportDialog, ReturnDialog
from storage.models import ReportKind

PAGE_SIZE = 5
MAX_FILES = 10
KINDS = {"done": ReportKind.DONE, "note": ReportKind.PROGRESS, "file": ReportKind.COMMENT}


def _my_keyboard(views: list[Any], page: int, t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for view in views[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]:
        number = view.item.number
        builder.button(
            text=t("my-button-done", number=number),
            callback_data=AssignmentCallback(action="done", assignment_id=view.assignment.id),
        )
        builder.button(
            text=t("my-button-more", number=number),
            callback_data=AssignmentCallback(action="info", assignment_id=view.assignment.id),
        )
    sizes = [2] * min(PAGE_SIZE, max(0, len(views) - page * PAGE_SIZE))
    pages = (len(views) + PAGE_SIZE - 1) // PAGE_SIZE
    if pages > 1:
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


async def show_my_assignments(
    message: Message, people: PeopleService, reports: ReportService, t: Translator, clock: Clock
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    views = await reports.my_open(person)
    await message.answer(
        render_my(t, views, clock.now(), 0, PAGE_SIZE),
        reply_markup=_my_keyboard(views, 0, t) if views else None,
    )


async def turn_my_page(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
    clock: Clock,
) -> None:
    person = await people.registered(query.from_user.id)
    views = await reports.my_open(person)
    page = max(0, min(callback_data.assignment_id, max(0, (len(views) - 1) // PAGE_SIZE)))
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_text(
        render_my(t, views, clock.now(), page, PAGE_SIZE),
        reply_markup=_my_keyboard(views, page, t) if views else None,
    )


def _card_keyboard(assignment_id: int, t: Translator) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for action in ("done", "note", "file", "move"):
        builder.button(
            text=t(f"button-{action}"),
            callback_data=AssignmentCallback(action=action, assignment_id=assignment_id),
        )
    builder.adjust(2, 2)
    return builder.as_markup()


async def show_assignment(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
    clock: Clock,
) -> None:
    person = await people.registered(query.from_user.id)
    view = await reports.assignment(person, callback_data.assignment_id)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(
        render_assignment(t, view, clock.now()),
        reply_markup=_card_keyboard(view.assignment.id, t),
    )


async def begin_report(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    state: FSMContext,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    view = await reports.assignment(person, callback_data.assignment_id)
    await state.set_state(ReportDialog.collecting)
    await state.set_data(
        {"assignment_id": view.assignment.id, "kind": callback_data.action, "text": "", "files": []}
    )
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("report-send"),
        callback_data=AssignmentCallback(action="send", assignment_id=view.assignment.id),
    )
    builder.button(
        text=t("report-cancel"),
        callback_data=AssignmentCallback(action="skip", assignment_id=view.assignment.id),
    )
    result = view.item.result_text
    prompt = t(
        f"report-ask-{callback_data.action}",
        number=view.item.number,
        text=view.item.text[:200],
    )
    if result and callback_data.action == "done":
        prompt += "\n" + t("report-ask-result", result=result)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(prompt, reply_markup=builder.as_markup())


async def collect_report_part(message: Message, state: FSMContext, t: Translator) -> None:
    data = await state.get_data()
    files: list[dict[str, Any]] = list(data.get("files", []))
    if message.document is not None:
        document = message.document
        files.append(
            {
                "kind": "document",
                "file_id": document.file_id,
                "file_unique_id": document.file_unique_id,
                "file_name": document.file_name,
                "mime_type": document.mime_type,
                "size": document.file_size,
            }
        )
    elif message.photo:
        photo = message.photo[-1]
        files.append(
            {
                "kind": "photo",
                "file_id": photo.file_id,
                "file_unique_id": photo.file_unique_id,
                "file_name": None,
                "mime_type": "image/jpeg",
                "size": photo.file_size,
            }
        )
    if len(files) > MAX_FILES:
        await message.answer(t("report-too-many-files", limit=MAX_FILES))
        return
    text = data.get("text", "")
    addition = message.caption if message.caption is not None else message.text
    if addition:
        text = (text + "\n" + addition).strip()[:4000]
    await state.update_data(text=text, files=files)
    await message.answer(t("report-collected", files=len(files)))


async def send_report(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    state: FSMContext,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    data = await state.get_data()
    if data.get("assignment_id") != callback_data.assignment_id:
        await query.answer(t("error-stale-button"), show_alert=True)
        return
    person = await people.registered(query.from_user.id)
    files = [FileInfo(**f) for f in data.get("files", [])]
    kind = KINDS.get(str(data.get("kind")), ReportKind.COMMENT)
    if kind is not ReportKind.DONE and not files and not data.get("text"):
        await query.answer(t("report-empty"), show_alert=True)
        return
    await reports.report(person, callback_data.assignment_id, kind, data.get("text"), files)
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t(f"report-sent-{data.get('kind')}"))


async def cancel_report(query: CallbackQuery, state: FSMContext, t: Translator) -> None:
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t("cancel-done"))


_DONE_ARGS = re.compile(r"^\s*(?P<number>\d{1,3}(?:\.\d{1,3}){0,3})\.?\s*(?P<text>.*)$", re.S)


async def mark_done_by_command(
    message: Message,
    command: CommandObject,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    match = _DONE_ARGS.match(command.args or "")
    if not match:
        await message.answer(t("done-usage"))
        return
    person = await people.registered(message.from_user.id)
    await reports.done_by_number(person, match["number"], match["text"].strip() or None)
    await message.reply(t("done-accepted", number=match["number"]))


async def begin_extension(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    state: FSMContext,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    view = await reports.assignment(person, callback_data.assignment_id)
    await state.set_state(ExtensionDialog.new_date)
    await state.set_data({"assignment_id": view.assignment.id})
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(
        t("extension-ask-date", number=view.item.number, due=view.occurrence.due_date)
    )


async def extension_date_typed(
    message: Message, state: FSMContext, t: Translator, clock: Clock
) -> None:
    deadline = parse_deadline(message.text or "", reference=clock.now().date())
    if (
        deadline.kind in (DeadlineKind.UNSCHEDULED, DeadlineKind.UNRECOGNIZED)
        or not deadline.occurrences
    ):
        raise InvalidInput("error-deadline-unreadable", text=message.text or "")
    due = deadline.occurrences[-1].due
    await state.update_data(new_due=due.isoformat())
    await state.set_state(ExtensionDialog.reason)
    await message.answer(t("extension-ask-reason", due=due))


async def extension_reason_typed(
    message: Message,
    state: FSMContext,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    data = await state.get_data()
    person = await people.registered(message.from_user.id)
    new_due = date.fromisoformat(data["new_due"])
    await reports.request_extension(person, int(data["assignment_id"]), new_due, message.text or "")
    await state.clear()
    await message.answer(t("extension-sent", due=new_due))


async def accept_report(
    query: CallbackQuery,
    callback_data: ReportCallback,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    await reports.decide(person, callback_data.report_id, accept=True)
    await query.answer(t("decision-accepted"))
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t("decision-accepted"))


async def ask_return_reason(
    query: CallbackQuery,
    callback_data: ReportCallback,
    state: FSMContext,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    await reports.report_for_decision(person, callback_data.report_id)
    await state.set_state(ReturnDialog.reason)
    await state.set_data({"report_id": callback_data.report_id})
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(t("decision-ask-reason"))


async def return_reason_typed(
    message: Message,
    state: FSMContext,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    data = await state.get_data()
    person = await people.registered(message.from_user.id)
    await reports.decide(person, int(data["report_id"]), accept=False, reason=message.text)
    await state.clear()
    await message.answer(t("decision-returned"))


async def decide_extension(
    query: CallbackQuery,
    callback_data: ReportCallback,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    approve = callback_data.action == "ok"
    await reports.decide_extension(person, callback_data.report_id, approve)
    key = "decision-extension-approved" if approve else "decision-extension-rejected"
    await query.answer(t(key))
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t(key))


def _assignment_of(message: Message) -> int | None:
    """The assignment a bot message is about: its «✅ Выполнено» button names it."""
    markup = message.reply_markup
    if markup is None or message.from_user is None or not message.from_user.is_bot:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data or ""
            if data.startswith("asg:done:"):
                return AssignmentCallback.unpack(data).assignment_id
    return None


async def mark_done_by_reply(
    message: Message, people: PeopleService, reports: ReportService, t: Translator
) -> None:
    """A reply to a reminder or notice with a «✅» button: the reply is the done report."""
    assert message.from_user is not None
    assert message.reply_to_message is not None
    assignment_id = _assignment_of(message.reply_to_message)
    if assignment_id is None:
        await message.answer(t("unknown-input"))
        return
    person = await people.registered(message.from_user.id)
    report = await reports.report(person, assignment_id, ReportKind.DONE, message.text)
    view = await reports.assignment(person, report.assignment_id)
    await message.reply(t("done-accepted", number=view.item.number))


def create_router() -> Router:
    router = Router(name="reports")
    private = F.chat.type == ChatType.PRIVATE
    not_command = ~F.text.startswith("/")
    router.message.register(show_my_assignments, Command("my"), private)
    router.message.register(mark_done_by_command, Command("done"))
    router.message.register(
        mark_done_by_reply, StateFilter(None), private, F.reply_to_message, F.text, not_command
    )
    router.callback_query.register(turn_my_page, AssignmentCallback.filter(F.action == "page"))
    router.callback_query.register(show_assignment, AssignmentCallback.filter(F.action == "info"))
    router.callback_query.register(
        begin_report, AssignmentCallback.filter(F.action.in_({"done", "note", "file"}))
    )
    router.callback_query.register(
        send_report,
        StateFilter(ReportDialog.collecting),
        AssignmentCallback.filter(F.action == "send"),
    )
    router.callback_query.register(cancel_report, AssignmentCallback.filter(F.action == "skip"))
    router.message.register(
        collect_report_part,
        ReportDialog.collecting,
        private,
        F.document | F.photo | (F.text & not_command),
    )
    router.callback_query.register(begin_extension, AssignmentCallback.filter(F.action == "move"))
    router.message.register(
        extension_date_typed, ExtensionDialog.new_date, private, F.text, not_command
    )
    router.message.register(
        extension_reason_typed, ExtensionDialog.reason, private, F.text, not_command
    )
    router.callback_query.register(accept_report, ReportCallback.filter(F.action == "acc"))
    router.callback_query.register(ask_return_reason, ReportCallback.filter(F.action == "ret"))
    router.message.register(return_reason_typed, ReturnDialog.reason, private, F.text, not_command)
    router.callback_query.register(
        decide_extension, ReportCallback.filter(F.action.in_({"ok", "no"}))
    )
    return router
