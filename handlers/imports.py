"""Importing a plan or protocol sent as a file: cluster → preview → «Импортировать» / «Отмена»;
then dates for the items that have none."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import StateFilter, or_f
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Document, Message

from bot.domain.deadlines import Period, parse_period_answer
from bot.i18n import Translator
from bot.services.imports import ClusterChoice, Fetch, ImportPlan, ImportService
from bot.services.plans import PlanService
from bot.telegram.callbacks import ImportCallback, UndatedCallback
from bot.telegram.views.common import chunks
from bot.telegram.views.imports import (
    clusters_keyboard,
    import_confirm_keyboard,
    period_from_button,
    render_import_preview,
    render_import_result,
    render_undated,
    undated_items_keyboard,
    undated_keyboard,
)
from handlers.filters import PRIVATE, TYPED, Registered, WithMessage
from handlers.replies import answer_parts, drop_buttons
from handlers.states import DeadlineDialog, ImportDialog
from storage.models import Person

PREVIEW_KEY = "import"


class PeriodDialog(StatesGroup):
    """«Другой…» under the preview of a plan without a period: the coordinator types it."""

    typing = State()


def _stored_period(pending: dict[str, Any]) -> Period | None:
    stored = pending.get("period")
    if not stored:
        return None
    return Period(date.fromisoformat(stored[0]), date.fromisoformat(stored[1]))


def _fetch(bot: Bot, chat_id: int, file_id: str) -> Fetch:
    """Downloads the file when the service asks for it, showing «печатает…» meanwhile."""

    async def fetch() -> bytes:
        await bot.send_chat_action(chat_id, "typing")
        buffer = io.BytesIO()
        await bot.download(file_id, destination=buffer)
        return buffer.getvalue()

    return fetch


async def _pending(state: FSMContext) -> dict[str, Any] | None:
    pending: dict[str, Any] | None = (await state.get_data()).get(PREVIEW_KEY)
    return pending


async def _show_preview(
    message: Message, state: FSMContext, t: Translator, pending: dict[str, Any], plan: ImportPlan
) -> None:
    # A long preview (a plan naming many bodies, long section titles) goes as several
    # messages, split between lines; the buttons are under the last one.
    parts = chunks(render_import_preview(t, plan).split("\n"))
    if plan.changes_nothing:
        await state.clear()
        await answer_parts(message, parts)
        return
    await state.set_state(ImportDialog.confirming)
    await state.set_data(
        {
            PREVIEW_KEY: {
                **pending,
                "cluster_id": plan.cluster.id,
                "sha": plan.source_hash,
                # The preview warned that the title names another cluster: the press confirms it.
                "despite_title": plan.other_cluster is not None,
            }
        }
    )
    await answer_parts(message, parts, import_confirm_keyboard(t, plan))


async def receive_plan_file(
    message: Message,
    document: Document,
    bot: Bot,
    state: FSMContext,
    person: Person,
    imports: ImportService,
    t: Translator,
) -> None:
    pending = {"file_id": document.file_id, "file_name": document.file_name}
    outcome = await imports.receive(
        person,
        document.file_size,
        document.file_name,
        _fetch(bot, message.chat.id, document.file_id),
    )
    if isinstance(outcome, ClusterChoice):
        await state.set_state(ImportDialog.choosing_cluster)
        await state.set_data({PREVIEW_KEY: pending})
        await message.answer(
            t("import-choose-cluster"), reply_markup=clusters_keyboard(outcome.clusters)
        )
        return
    await _show_preview(message, state, t, pending, outcome)


async def choose_cluster(
    query: CallbackQuery,
    callback_data: ImportCallback,
    message: Message,
    bot: Bot,
    state: FSMContext,
    person: Person,
    imports: ImportService,
    t: Translator,
) -> None:
    pending = await _pending(state)
    if pending is None:
        await query.answer(t("import-stale"), show_alert=True)
        return
    # Answered after the service call, so that a refusal can be the press's one answer; a
    # refused file leaves the dialog where it was (its state is committed with the update).
    plan = await imports.preview(
        person,
        callback_data.cluster_id,
        _fetch(bot, message.chat.id, pending["file_id"]),
        pending["file_name"],
    )
    await query.answer()
    await drop_buttons(message)
    await _show_preview(message, state, t, pending, plan)


async def confirm_import(
    query: CallbackQuery,
    callback_data: ImportCallback,
    message: Message,
    bot: Bot,
    state: FSMContext,
    person: Person,
    imports: ImportService,
    t: Translator,
) -> None:
    pending = await _pending(state)
    if pending is None or pending.get("cluster_id") != callback_data.cluster_id:
        await query.answer(t("import-stale"), show_alert=True)
        return
    confirmed = await imports.confirm(
        person,
        callback_data.cluster_id,
        _fetch(bot, message.chat.id, pending["file_id"]),
        pending["file_name"],
        previewed_hash=pending["sha"],
        despite_title=bool(pending.get("despite_title")),
        period=_stored_period(pending),
    )
    await state.clear()
    await query.answer()
    await drop_buttons(message)
    steps = confirmed.next_steps
    await message.answer(
        render_import_result(t, confirmed.result, steps),
        reply_markup=undated_keyboard(t, steps.cluster_id, steps.undated),
    )


async def _preview_in_period(
    message: Message,
    bot: Bot,
    state: FSMContext,
    person: Person,
    imports: ImportService,
    t: Translator,
    pending: dict[str, Any],
    period: Period,
) -> None:
    plan = await imports.preview(
        person,
        int(pending["cluster_id"]),
        _fetch(bot, message.chat.id, pending["file_id"]),
        pending["file_name"],
        period=period,
    )
    stored = {**pending, "period": [period.start.isoformat(), period.end.isoformat()]}
    await _show_preview(message, state, t, stored, plan)


async def choose_period(
    query: CallbackQuery,
    callback_data: ImportCallback,
    message: Message,
    bot: Bot,
    state: FSMContext,
    person: Person,
    imports: ImportService,
    t: Translator,
) -> None:
    """A period button under the preview of a plan without one: the preview again, read in it;
    «Другой…» asks to type it."""
    pending = await _pending(state)
    if pending is None or pending.get("cluster_id") != callback_data.cluster_id:
        await query.answer(t("import-stale"), show_alert=True)
        return
    if callback_data.action == "po":
        await state.set_state(PeriodDialog.typing)
        await query.answer()
        await message.answer(t("import-period-type"))
        return
    period = period_from_button(callback_data.action)
    if period is None:
        await query.answer(t("import-stale"), show_alert=True)
        return
    await _preview_in_period(message, bot, state, person, imports, t, pending, period)
    await query.answer()
    await drop_buttons(message)


async def receive_period(
    message: Message,
    bot: Bot,
    state: FSMContext,
    person: Person,
    imports: ImportService,
    t: Translator,
) -> None:
    pending = await _pending(state)
    if pending is None or "cluster_id" not in pending:
        await state.clear()
        await message.answer(t("import-stale"))
        return
    text = message.text or ""
    period = parse_period_answer(text)
    if period is None:
        await message.answer(t("import-period-bad", text=text[:100]))
        return
    await _preview_in_period(message, bot, state, person, imports, t, pending, period)


async def cancel_import(
    query: CallbackQuery, message: Message, state: FSMContext, t: Translator
) -> None:
    await state.clear()
    await query.answer()
    await drop_buttons(message)
    await message.answer(t("import-cancelled"))


async def stale_import_button(query: CallbackQuery, t: Translator) -> None:
    await query.answer(t("import-stale"), show_alert=True)


async def list_undated(
    query: CallbackQuery,
    callback_data: UndatedCallback,
    message: Message,
    person: Person,
    plans: PlanService,
    t: Translator,
) -> None:
    items = await plans.undated_items(person, callback_data.cluster_id)
    await query.answer()
    await message.answer(
        render_undated(t, items),
        reply_markup=undated_items_keyboard(t, callback_data.cluster_id, items),
    )


async def ask_item_date(
    query: CallbackQuery,
    callback_data: UndatedCallback,
    message: Message,
    state: FSMContext,
    person: Person,
    plans: PlanService,
    t: Translator,
) -> None:
    item = await plans.item_for_coordinator(person, callback_data.item_id)
    await state.set_state(DeadlineDialog.typing)
    await state.set_data({"item_id": item.id})
    await query.answer()
    await message.answer(
        t("undated-ask-date", number=item.number, text=item.text[:300], phrase=item.deadline_text)
    )


async def receive_item_date(
    message: Message,
    state: FSMContext,
    person: Person,
    plans: PlanService,
    imports: ImportService,
    t: Translator,
) -> None:
    data = await state.get_data()
    item = await plans.set_deadline(person, int(data["item_id"]), message.text or "")
    await state.clear()
    dates = ", ".join(o.due_date.strftime("%d.%m.%Y") for o in item.occurrences)
    left = await imports.undated_count(item.cluster_id)
    await message.answer(
        t("undated-date-set", number=item.number, dates=dates, left=left),
        reply_markup=undated_keyboard(t, item.cluster_id, left),
    )


def create_router() -> Router:
    router = Router(name="imports")
    # Only what this router answers (files, the date dialog, its buttons) needs a registered
    # person; anything else goes on to the routers after it.
    router.message.filter(
        PRIVATE,
        or_f(F.document, StateFilter(DeadlineDialog.typing, PeriodDialog.typing)),
        Registered(),
    )
    router.callback_query.filter(
        or_f(ImportCallback.filter(), UndatedCallback.filter()), Registered(), WithMessage()
    )
    router.message.register(receive_plan_file, F.document.as_("document"))
    router.message.register(receive_item_date, DeadlineDialog.typing, TYPED)
    router.message.register(receive_period, PeriodDialog.typing, TYPED)
    router.callback_query.register(
        choose_cluster,
        ImportCallback.filter(F.action == "cluster"),
        StateFilter(ImportDialog.choosing_cluster),
    )
    router.callback_query.register(
        confirm_import,
        ImportCallback.filter(F.action == "go"),
        StateFilter(ImportDialog.confirming, PeriodDialog.typing),
    )
    router.callback_query.register(
        choose_period,
        ImportCallback.filter(F.action.startswith("p")),
        StateFilter(ImportDialog.confirming, PeriodDialog.typing),
    )
    router.callback_query.register(cancel_import, ImportCallback.filter(F.action == "no"))
    router.callback_query.register(stale_import_button, ImportCallback.filter())
    router.callback_query.register(list_undated, UndatedCallback.filter(F.action == "list"))
    router.callback_query.register(ask_item_date, UndatedCallback.filter(F.action == "item"))
    return router
