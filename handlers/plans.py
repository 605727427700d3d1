"""The plan as people see it: /plan with progress, /item cards with files, /history; groups."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.clock import Clock
from bot.i18n import Translator
from bot.render import render_history, render_item_card, render_plan
from bot.services.clusters import ClusterService
from bot.services.people import PeopleService
from bot.services.plans import PlanService
from bot.services.reports import ItemCard, ReportService
from handlers.callbacks import ClusterCallback, ItemCallback


def _card_keyboard(card: ItemCard, t: Translator) -> InlineKeyboardMarkup | None:
    files = [a for c in card.assignments for r in c.reports for a in r.attachments]
    if not files:
        return None
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("card-files-button", count=len(files)),
        callback_data=ItemCallback(action="files", item_id=card.item.id),
    )
    return builder.as_markup()


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
        for chunk in render_plan(t, overview, clock.now().date()):
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
        render_item_card(t, card, clock.now().date()), reply_markup=_card_keyboard(card, t)
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
        render_item_card(t, card, clock.now().date()), reply_markup=_card_keyboard(card, t)
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
    return router
