"""Reading the plan in chat: /my with its pages, the executor's card, /plan, /item, /history,
and the item card's buttons (files re-sent, history)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.i18n import Translator
from bot.services.items import ItemsService
from bot.telegram.callbacks import AssignmentCallback, ItemCallback
from bot.telegram.views.items import (
    assignment_keyboard,
    card_files,
    file_caption,
    item_card_keyboard,
    my_keyboard,
    my_pages,
    render_assignment,
    render_history,
    render_item_card,
    render_my,
    render_plan,
)
from handlers.filters import PRIVATE, Registered, WithMessage
from handlers.replies import answer_parts
from storage.models import Person


async def show_my_assignments(
    message: Message, person: Person, items: ItemsService, t: Translator, clock: Clock
) -> None:
    views = await items.my_open(person)
    now = clock.now()
    await message.answer(render_my(t, views, now, 0), reply_markup=my_keyboard(t, views, now, 0))


async def turn_my_page(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    message: Message,
    person: Person,
    items: ItemsService,
    t: Translator,
    clock: Clock,
) -> None:
    views = await items.my_open(person)
    page = max(0, min(callback_data.assignment_id, my_pages(views) - 1))
    now = clock.now()
    await query.answer()
    await message.edit_text(
        render_my(t, views, now, page), reply_markup=my_keyboard(t, views, now, page)
    )


async def show_assignment(
    query: CallbackQuery,
    callback_data: AssignmentCallback,
    message: Message,
    person: Person,
    items: ItemsService,
    t: Translator,
    clock: Clock,
) -> None:
    """«ℹ️»: the executor's card with the report buttons."""
    view = await items.assignment(person, callback_data.assignment_id)
    await query.answer()
    await message.answer(
        render_assignment(t, view, clock.now()), reply_markup=assignment_keyboard(t, view)
    )


async def show_plan(
    message: Message, person: Person, items: ItemsService, t: Translator, clock: Clock
) -> None:
    now = clock.now()
    for overview in await items.plans(person):
        for chunk in render_plan(t, overview, now):
            await message.answer(chunk)


async def show_item_card(
    message: Message,
    command: CommandObject,
    person: Person,
    items: ItemsService,
    t: Translator,
    clock: Clock,
) -> None:
    if not command.args:
        await message.answer(t("item-usage"))
        return
    card = await items.item_card_by_number(person, command.args)
    await answer_parts(message, render_item_card(t, card, clock.now()), item_card_keyboard(t, card))


async def show_item_card_button(
    query: CallbackQuery,
    callback_data: ItemCallback,
    message: Message,
    person: Person,
    items: ItemsService,
    t: Translator,
    clock: Clock,
) -> None:
    card = await items.item_card(person, callback_data.item_id)
    await query.answer()
    await answer_parts(message, render_item_card(t, card, clock.now()), item_card_keyboard(t, card))


async def resend_files(
    query: CallbackQuery,
    callback_data: ItemCallback,
    bot: Bot,
    person: Person,
    items: ItemsService,
    t: Translator,
) -> None:
    card = await items.item_card(person, callback_data.item_id)
    if not card_files(card):
        await query.answer(t("card-no-files"), show_alert=True)
        return
    await query.answer()
    for assignment in card.assignments:
        view = assignment.view
        party = view.organization.name if view.organization else ""
        for report in assignment.reports:
            author = assignment.authors.get(report.author_id or 0)
            caption = file_caption(t, card, author.full_name if author else None, party)
            for attachment in report.attachments:
                if attachment.kind == "photo":
                    await bot.send_photo(
                        person.telegram_id, attachment.telegram_file_id, caption=caption
                    )
                else:
                    await bot.send_document(
                        person.telegram_id, attachment.telegram_file_id, caption=caption
                    )


async def show_history(
    message: Message, command: CommandObject, person: Person, items: ItemsService, t: Translator
) -> None:
    if not command.args:
        await message.answer(t("history-usage"))
        return
    history = await items.history(person, number=command.args)
    await answer_parts(message, render_history(t, history))


async def show_history_button(
    query: CallbackQuery,
    callback_data: ItemCallback,
    message: Message,
    person: Person,
    items: ItemsService,
    t: Translator,
) -> None:
    history = await items.history(person, item_id=callback_data.item_id)
    await query.answer()
    await answer_parts(message, render_history(t, history))


def create_router() -> Router:
    router = Router(name="items")
    router.message.filter(Registered())
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(show_my_assignments, Command("my"), PRIVATE)
    router.message.register(show_plan, Command("plan"))
    router.message.register(show_item_card, Command("item"))
    router.message.register(show_history, Command("history"))
    router.callback_query.register(turn_my_page, AssignmentCallback.filter(F.action == "page"))
    router.callback_query.register(show_assignment, AssignmentCallback.filter(F.action == "info"))
    router.callback_query.register(show_item_card_button, ItemCallback.filter(F.action == "card"))
    router.callback_query.register(resend_files, ItemCallback.filter(F.action == "files"))
    router.callback_query.register(show_history_button, ItemCallback.filter(F.action == "history"))
    return router
