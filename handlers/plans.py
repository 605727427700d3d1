"""The plan as people see it: /plan with progress, /item cards with files, /history; groups."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.clock import Clock
from bot.i18n import Translator
from bot.services.clusters import ClusterService
from bot.services.people import PeopleService
from bot.services.plans import PlanService
from bot.services.reports import ItemCard, ReportService
from bot.telegram.callbacks import ClusterCallback, ItemCallback, UndatedCallback
from bot.telegram.views.items import render_history, render_item_card, render_plan
from handlers.states import AddItemDialog, CloseDialog, ExecutorsDialog
from storage.models import ItemStatus


def _card_keyboard(card: ItemCard, t: Translator) -> InlineKeyboardMarkup | None:
    files = [a for c in card.assignments for r in c.reports for a in r.attachments]
    builder = InlineKeyboardBuilder()
    sizes: list[int] = []
    if files:
        builder.button(
            text=t("card-files-button", count=len(files)),
            callback_data=ItemCallback(action="files", item_id=card.item.id),
        )
        sizes.append(1)
    if card.can_manage and card.item.status is ItemStatus.ACTIVE:
        builder.button(
            text=t("card-button-deadline"),
            callback_data=UndatedCallback(
                action="item", cluster_id=card.cluster.id, item_id=card.item.id
            ),
        )
        for action in ("executors", "close", "cancel"):
            builder.button(
                text=t(f"card-button-{action}"),
                callback_data=ItemCallback(action=action, item_id=card.item.id),
            )
        sizes.extend([2, 2])
    if not sizes:
        return None
    builder.adjust(*sizes)
    return builder.as_markup()


async def ask_item_executors(
    query: CallbackQuery,
    callback_data: ItemCallback,
    state: FSMContext,
    people: PeopleService,
    plans: PlanService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    item = await plans.item_for_coordinator(person, callback_data.item_id)
    await state.set_state(ExecutorsDialog.typing)
    await state.set_data({"item_id": item.id})
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(
        t("item-ask-executors", number=item.number, executors=item.executors_text or "—")
    )


async def item_executors_typed(
    message: Message, state: FSMContext, people: PeopleService, plans: PlanService, t: Translator
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    data = await state.get_data()
    item = await plans.add_executors(person, int(data["item_id"]), message.text or "")
    await state.clear()
    await message.answer(
        t("item-executors-added", number=item.number, executors=item.executors_text)
    )


async def ask_close_reason(
    query: CallbackQuery,
    callback_data: ItemCallback,
    state: FSMContext,
    people: PeopleService,
    plans: PlanService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    item = await plans.item_for_coordinator(person, callback_data.item_id)
    await state.set_state(CloseDialog.reason)
    await state.set_data({"item_id": item.id, "cancel": callback_data.action == "cancel"})
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(t(f"item-ask-{callback_data.action}-reason", number=item.number))


async def close_reason_typed(
    message: Message, state: FSMContext, people: PeopleService, plans: PlanService, t: Translator
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    data = await state.get_data()
    cancel = bool(data.get("cancel"))
    item = await plans.close_item(
        person, int(data["item_id"]), cancel=cancel, reason=message.text or ""
    )
    await state.clear()
    await message.answer(t("item-cancelled" if cancel else "item-closed", number=item.number))


async def add_item_start(
    message: Message,
    state: FSMContext,
    people: PeopleService,
    clusters: ClusterService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    coordinated = list(await clusters.access.coordinated_clusters(person))
    if not coordinated:
        await message.answer(t("error-not-coordinator"))
        return
    cluster = next((c for c in coordinated if c.id == person.last_cluster_id), coordinated[0])
    await state.set_state(AddItemDialog.text)
    await state.set_data({"cluster_id": cluster.id})
    await message.answer(t("additem-ask-text", cluster=cluster.name))


async def add_item_text(message: Message, state: FSMContext, t: Translator) -> None:
    await state.update_data(text=message.text or "")
    await state.set_state(AddItemDialog.executors)
    await message.answer(t("additem-ask-executors"))


async def add_item_executors(message: Message, state: FSMContext, t: Translator) -> None:
    await state.update_data(executors=message.text or "")
    await state.set_state(AddItemDialog.deadline)
    await message.answer(t("additem-ask-deadline"))


async def add_item_deadline(
    message: Message, state: FSMContext, people: PeopleService, plans: PlanService, t: Translator
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    data = await state.get_data()
    item = await plans.add_item(
        person,
        int(data["cluster_id"]),
        data.get("text", ""),
        data.get("executors", ""),
        message.text or "",
    )
    await state.clear()
    await message.answer(
        t(
            "additem-done",
            number=item.number,
            dates=", ".join(o.due_date.strftime("%d.%m.%Y") for o in item.occurrences) or "—",
        )
    )


async def show_plan(
    message: Message,
    people: PeopleService,
    clusters: ClusterService,
    plans: PlanService,
    clock: Clock,
    t: Translator,
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    visible = await clusters.of_person(person)
    if not visible:
        await message.answer(t("error-no-clusters"))
        return
    for cluster in visible:
        overview = await plans.overview(person, cluster.id)
        for chunk in render_plan(t, overview, clock.now()):
            await message.answer(chunk)


async def show_item_card(
    message: Message,
    command: CommandObject,
    people: PeopleService,
    reports: ReportService,
    clock: Clock,
    t: Translator,
) -> None:
    assert message.from_user is not None
    if not command.args:
        await message.answer(t("item-usage"))
        return
    person = await people.registered(message.from_user.id)
    item = await reports.find_item(person, command.args)
    card = await reports.item_card(person, item.id)
    await message.answer(
        render_item_card(t, card, clock.now()), reply_markup=_card_keyboard(card, t)
    )


async def show_item_card_button(
    query: CallbackQuery,
    callback_data: ItemCallback,
    people: PeopleService,
    reports: ReportService,
    clock: Clock,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    card = await reports.item_card(person, callback_data.item_id)
    await query.answer()
    assert isinstance(query.message, Message)
    await query.message.answer(
        render_item_card(t, card, clock.now()), reply_markup=_card_keyboard(card, t)
    )


async def resend_files(
    query: CallbackQuery,
    callback_data: ItemCallback,
    bot: Bot,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    card = await reports.item_card(person, callback_data.item_id)
    if not any(r.attachments for c in card.assignments for r in c.reports):
        await query.answer(t("card-no-files"), show_alert=True)
        return
    await query.answer()
    for assignment in card.assignments:
        for report in assignment.reports:
            author = assignment.authors.get(report.author_id or 0)
            caption = t(
                "card-file-caption",
                number=card.item.number,
                name=author.full_name if author else "—",
                organization=assignment.view.organization.name
                if assignment.view.organization
                else "—",
            )
            for attachment in report.attachments:
                if attachment.kind == "photo":
                    await bot.send_photo(
                        query.from_user.id, attachment.telegram_file_id, caption=caption
                    )
                else:
                    await bot.send_document(
                        query.from_user.id, attachment.telegram_file_id, caption=caption
                    )


async def show_history(
    message: Message,
    command: CommandObject,
    people: PeopleService,
    reports: ReportService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    if not command.args:
        await message.answer(t("history-usage"))
        return
    person = await people.registered(message.from_user.id)
    item = await reports.find_item(person, command.args)
    card = await reports.item_card(person, item.id)
    await message.answer(render_history(t, card))


# --- groups --------------------------------------------------------------------------------


async def bind_group(
    message: Message,
    people: PeopleService,
    clusters: ClusterService,
    t: Translator,
) -> None:
    assert message.from_user is not None
    person = await people.registered(message.from_user.id)
    coordinated = list(await clusters.access.coordinated_clusters(person))
    if not coordinated:
        await message.answer(t("error-not-coordinator"))
        return
    thread_id = message.message_thread_id if message.is_topic_message else None
    if len(coordinated) == 1:
        cluster = await clusters.bind_group(person, coordinated[0].id, message.chat.id, thread_id)
        await message.answer(t("bind-done", cluster=cluster.name))
        return
    builder = InlineKeyboardBuilder()
    for cluster in coordinated:
        builder.button(
            text=cluster.name, callback_data=ClusterCallback(action="bind", value=cluster.id)
        )
    builder.adjust(1)
    await message.answer(t("choose-cluster"), reply_markup=builder.as_markup())


async def bind_group_chosen(
    query: CallbackQuery,
    callback_data: ClusterCallback,
    people: PeopleService,
    clusters: ClusterService,
    t: Translator,
) -> None:
    person = await people.registered(query.from_user.id)
    assert isinstance(query.message, Message)
    message = query.message
    thread_id = message.message_thread_id if message.is_topic_message else None
    cluster = await clusters.bind_group(person, callback_data.value, message.chat.id, thread_id)
    await query.answer()
    await message.edit_text(t("bind-done", cluster=cluster.name))


async def follow_group_migration(message: Message, clusters: ClusterService) -> None:
    assert message.migrate_to_chat_id is not None
    await clusters.migrate_group(message.chat.id, message.migrate_to_chat_id)


def create_router() -> Router:
    router = Router(name="plans")
    router.message.register(show_plan, Command("plan"))
    router.message.register(show_item_card, Command("item"))
    router.message.register(show_history, Command("history"))
    router.callback_query.register(show_item_card_button, ItemCallback.filter(F.action == "card"))
    router.callback_query.register(resend_files, ItemCallback.filter(F.action == "files"))
    groups = F.chat.type.in_({ChatType.GROUP, ChatType.SUPERGROUP})
    router.message.register(bind_group, Command("bind"), groups)
    router.callback_query.register(bind_group_chosen, ClusterCallback.filter(F.action == "bind"))
    router.message.register(follow_group_migration, F.migrate_to_chat_id)

    private = F.chat.type == ChatType.PRIVATE
    not_command = ~F.text.startswith("/")
    router.callback_query.register(ask_item_executors, ItemCallback.filter(F.action == "executors"))
    router.callback_query.register(
        ask_close_reason, ItemCallback.filter(F.action.in_({"close", "cancel"}))
    )
    router.message.register(
        item_executors_typed, ExecutorsDialog.typing, private, F.text, not_command
    )
    router.message.register(close_reason_typed, CloseDialog.reason, private, F.text, not_command)
    router.message.register(add_item_start, Command("additem"), private)
    router.message.register(add_item_text, AddItemDialog.text, private, F.text, not_command)
    router.message.register(
        add_item_executors, AddItemDialog.executors, private, F.text, not_command
    )
    router.message.register(add_item_deadline, AddItemDialog.deadline, private, F.text, not_command)
    return router
