"""Plan management by the coordinator: /additem, adding executors, closing an item or taking
it off control, and switching an item between one shared report and one per college.
(Reading the plan — /plan, /item, /history, the card's buttons — is handlers/items.py.)"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.i18n import Translator, format_date
from bot.services.plans import PlanService
from bot.telegram.callbacks import ItemCallback
from bot.telegram.views.items import item_card_keyboard, render_item_card
from handlers.filters import PRIVATE, TYPED, Registered, WithMessage
from handlers.replies import edit_parts
from handlers.states import AddItemDialog, CloseDialog, ExecutorsDialog
from storage.models import Person


async def ask_item_executors(
    query: CallbackQuery,
    callback_data: ItemCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    plans: PlanService,
    t: Translator,
) -> None:
    item = await plans.item_for_coordinator(person, callback_data.item_id)
    await state.set_state(ExecutorsDialog.typing)
    await state.set_data({"item_id": item.id})
    await query.answer()
    await message.answer(
        t("item-ask-executors", number=item.number, executors=item.executors_text or "—")
    )


async def item_executors_typed(
    message: Message, state: FSMContext, person: Person, plans: PlanService, t: Translator
) -> None:
    data = await state.get_data()
    item = await plans.add_executors(person, int(data["item_id"]), message.text or "")
    await state.clear()
    await message.answer(
        t("item-executors-added", number=item.number, executors=item.executors_text)
    )


async def ask_close_reason(
    query: CallbackQuery,
    callback_data: ItemCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    plans: PlanService,
    t: Translator,
) -> None:
    item = await plans.item_for_coordinator(person, callback_data.item_id)
    await state.set_state(CloseDialog.reason)
    await state.set_data({"item_id": item.id, "cancel": callback_data.action == "cancel"})
    await query.answer()
    await message.answer(t(f"item-ask-{callback_data.action}-reason", number=item.number))


async def close_reason_typed(
    message: Message, state: FSMContext, person: Person, plans: PlanService, t: Translator
) -> None:
    data = await state.get_data()
    cancel = bool(data.get("cancel"))
    item = await plans.close_item(
        person, int(data["item_id"]), cancel=cancel, reason=message.text or ""
    )
    await state.clear()
    await message.answer(t("item-cancelled" if cancel else "item-closed", number=item.number))


async def switch_assignment_mode(
    query: CallbackQuery,
    callback_data: ItemCallback,
    message: Message,
    person: Person,
    plans: PlanService,
    t: Translator,
    clock: Clock,
) -> None:
    """The card's switch: one shared report, or one from each college."""
    per_organization = callback_data.action == "per_organization"
    card = await plans.set_assignment_mode(
        person, callback_data.item_id, per_organization=per_organization
    )
    key = "item-mode-per-organization" if per_organization else "item-mode-shared"
    await query.answer(t(key, number=card.item.number))
    await edit_parts(message, render_item_card(t, card, clock.now()), item_card_keyboard(t, card))


async def add_item_start(
    message: Message, state: FSMContext, person: Person, plans: PlanService, t: Translator
) -> None:
    cluster = await plans.cluster_for_new_item(person)
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
    message: Message, state: FSMContext, person: Person, plans: PlanService, t: Translator
) -> None:
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
            dates=", ".join(format_date(o.due_date) for o in item.occurrences),
        )
    )


def create_router() -> Router:
    router = Router(name="plans")

    # Plan management: registered people only (the services check who coordinates).
    manage = Router(name="plans.manage")
    manage.message.filter(Registered())
    manage.callback_query.filter(Registered(), WithMessage())
    manage.callback_query.register(ask_item_executors, ItemCallback.filter(F.action == "executors"))
    manage.callback_query.register(
        ask_close_reason, ItemCallback.filter(F.action.in_({"close", "cancel"}))
    )
    manage.callback_query.register(
        switch_assignment_mode, ItemCallback.filter(F.action.in_({"shared", "per_organization"}))
    )
    manage.message.register(item_executors_typed, ExecutorsDialog.typing, PRIVATE, TYPED)
    manage.message.register(close_reason_typed, CloseDialog.reason, PRIVATE, TYPED)
    manage.message.register(add_item_start, Command("additem"), PRIVATE)
    manage.message.register(add_item_text, AddItemDialog.text, PRIVATE, TYPED)
    manage.message.register(add_item_executors, AddItemDialog.executors, PRIVATE, TYPED)
    manage.message.register(add_item_deadline, AddItemDialog.deadline, PRIVATE, TYPED)
    router.include_router(manage)
    return router
