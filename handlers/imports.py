"""Importing a plan or protocol sent as a file: cluster → preview → «Импортировать» / «Отмена»."""

from __future__ import annotations

import io

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.errors import DocumentRejected
from bot.i18n import Translator
from bot.services.access import AccessService
from bot.services.imports import ImportService, sha256
from bot.services.people import PeopleService
from bot.services.plans import PlanService
from bot.telegram.callbacks import ImportCallback, UndatedCallback
from bot.telegram.views.imports import render_import_preview, render_import_result, render_undated
from handlers.states import DeadlineDialog, ImportDialog

PREVIEW_KEY = "import"


def _confirm_keyboard(t: Translator, cluster_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("import-button-go"), callback_data=ImportCallback(action="go", cluster_id=cluster_id)
    )
    builder.button(text=t("import-button-cancel"), callback_data=ImportCallback(action="no"))
    return builder.as_markup()


def _undated_button(t: Translator, cluster_id: int, count: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("undated-button", count=count),
        callback_data=UndatedCallback(action="list", cluster_id=cluster_id),
    )
    return builder.as_markup()


async def _download(bot: Bot, file_id: str) -> bytes:
    buffer = io.BytesIO()
    await bot.download(file_id, destination=buffer)
    return buffer.getvalue()


async def receive_plan_file(
    message: Message,
    bot: Bot,
    state: FSMContext,
    people: PeopleService,
    access: AccessService,
    imports: ImportService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    assert message.document is not None
    person = await people.registered(message.from_user.id)
    clusters = await access.coordinated_clusters(person)
    if not clusters:
        await message.answer(t("import-not-coordinator"))
        return
    document = message.document
    if document.file_size and document.file_size > imports.max_bytes:
        raise DocumentRejected("doc-too-large", limit_mb=imports.max_bytes // (1024 * 1024))
    await state.set_data(
        {PREVIEW_KEY: {"file_id": document.file_id, "file_name": document.file_name}}
    )
    if len(clusters) > 1:
        builder = InlineKeyboardBuilder()
        for cluster in clusters:
            builder.button(
                text=cluster.name,
                callback_data=ImportCallback(action="cluster", cluster_id=cluster.id),
            )
        builder.adjust(1)
        await state.set_state(ImportDialog.choosing_cluster)
        await message.answer(t("import-choose-cluster"), reply_markup=builder.as_markup())
        return
    await _preview(message, bot, state, people, imports, t, clusters[0].id, message.from_user.id)


async def _preview(
    message: Message,
    bot: Bot,
    state: FSMContext,
    people: PeopleService,
    imports: ImportService,
    t: Translator,
    cluster_id: int,
    telegram_id: int,
) -> None:
    pending = (await state.get_data()).get(PREVIEW_KEY)
    if not pending:
        await message.answer(t("import-stale"))
        return
    person = await people.registered(telegram_id)
    await bot.send_chat_action(message.chat.id, "typing")
    data = await _download(bot, pending["file_id"])
    try:
        plan = await imports.preview(person, cluster_id, data, pending["file_name"])
    except DocumentRejected:
        await state.clear()
        raise
    text = render_import_preview(t, plan)
    if plan.changes_nothing:
        await state.clear()
        await message.answer(text)
        return
    await state.set_state(ImportDialog.confirming)
    await state.set_data({PREVIEW_KEY: {**pending, "cluster_id": cluster_id, "sha": sha256(data)}})
    await message.answer(text, reply_markup=_confirm_keyboard(t, cluster_id))


async def choose_cluster(
    query: CallbackQuery,
    callback_data: ImportCallback,
    bot: Bot,
    state: FSMContext,
    people: PeopleService,
    imports: ImportService,
    t: Translator,
) -> None:
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await _preview(
        query.message, bot, state, people, imports, t, callback_data.cluster_id, query.from_user.id
    )


async def confirm_import(
    query: CallbackQuery,
    callback_data: ImportCallback,
    bot: Bot,
    state: FSMContext,
    people: PeopleService,
    imports: ImportService,
    t: Translator,
) -> None:
    pending = (await state.get_data()).get(PREVIEW_KEY)
    if not pending or pending.get("cluster_id") != callback_data.cluster_id:
        await query.answer(t("import-stale"), show_alert=True)
        return
    person = await people.registered(query.from_user.id)
    data = await _download(bot, pending["file_id"])
    if sha256(data) != pending["sha"]:
        await state.clear()
        await query.answer(t("import-stale"), show_alert=True)
        return
    result = await imports.confirm(person, callback_data.cluster_id, data, pending["file_name"])
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    undated = await imports.undated_count(callback_data.cluster_id)
    await query.message.answer(
        render_import_result(t, result, undated),
        reply_markup=_undated_button(t, callback_data.cluster_id, undated) if undated else None,
    )


async def cancel_import(query: CallbackQuery, state: FSMContext, t: Translator) -> None:
    await state.clear()
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.edit_reply_markup(reply_markup=None)
    await query.message.answer(t("import-cancelled"))


async def stale_import_button(query: CallbackQuery, t: Translator) -> None:
    await query.answer(t("import-stale"), show_alert=True)


async def list_undated(
    query: CallbackQuery,
    callback_data: UndatedCallback,
    people: PeopleService,
    plans: PlanService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    items = await plans.undated_items(person, callback_data.cluster_id)
    await query.answer()
    assert isinstance(query.message, Message)
    builder = InlineKeyboardBuilder()
    for item in items[:30]:
        builder.button(
            text=t("undated-item-button", number=item.number),
            callback_data=UndatedCallback(
                action="item", cluster_id=callback_data.cluster_id, item_id=item.id
            ),
        )
    builder.adjust(5)
    await query.message.answer(render_undated(t, items), reply_markup=builder.as_markup())


async def ask_item_date(
    query: CallbackQuery,
    callback_data: UndatedCallback,
    state: FSMContext,
    people: PeopleService,
    plans: PlanService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    item = await plans.item_for_coordinator(person, callback_data.item_id)
    await state.set_state(DeadlineDialog.typing)
    await state.set_data({"item_id": item.id, "cluster_id": item.cluster_id})
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(
        t("undated-ask-date", number=item.number, text=item.text[:300], phrase=item.deadline_text)
    )


async def receive_item_date(
    message: Message,
    state: FSMContext,
    people: PeopleService,
    plans: PlanService,
    imports: ImportService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    data = await state.get_data()
    person = await people.registered(message.from_user.id)
    item = await plans.set_deadline(person, int(data["item_id"]), message.text or "")
    await state.clear()
    dates = ", ".join(o.due_date.strftime("%d.%m.%Y") for o in item.occurrences)
    left = await imports.undated_count(item.cluster_id)
    await message.answer(
        t("undated-date-set", number=item.number, dates=dates, left=left),
        reply_markup=_undated_button(t, item.cluster_id, left) if left else None,
    )


def create_router() -> Router:
    router = Router(name="imports")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(receive_plan_file, F.document)
    router.message.register(
        receive_item_date, DeadlineDialog.typing, F.text, ~F.text.startswith("/")
    )
    router.callback_query.register(
        choose_cluster,
        ImportCallback.filter(F.action == "cluster"),
        StateFilter(ImportDialog.choosing_cluster),
    )
    router.callback_query.register(
        confirm_import,
        ImportCallback.filter(F.action == "go"),
        StateFilter(ImportDialog.confirming),
    )
    router.callback_query.register(cancel_import, ImportCallback.filter(F.action == "no"))
    router.callback_query.register(stale_import_button, ImportCallback.filter())
    router.callback_query.register(list_undated, UndatedCallback.filter(F.action == "list"))
    router.callback_query.register(ask_item_date, UndatedCallback.filter(F.action == "item"))
    return router
