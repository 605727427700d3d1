"""/stats: a cluster's discipline per college and per person; the clusters side by side."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.domain.calendar import local_today
from bot.i18n import Translator
from bot.services.access import AccessService
from bot.services.stats import Choice, OverviewRow, StatsService, sort_overview
from bot.telegram.callbacks import StatsCallback
from bot.telegram.views.stats import (
    choice_keyboard,
    overview_keyboard,
    render_choice,
    render_cluster_stats,
    render_overview,
)
from handlers.filters import PRIVATE, Registered, WithMessage
from handlers.replies import answer_parts, drop_buttons
from storage.models import Person


def _stats(access: AccessService, clock: Clock) -> StatsService:
    return StatsService(access.storage, clock, access)


async def show_stats(
    message: Message,
    command: CommandObject,
    person: Person,
    access: AccessService,
    clock: Clock,
    t: Translator,
) -> None:
    stats = _stats(access, clock)
    choice = await stats.choice(person)
    wanted = " ".join((command.args or "").split()).casefold()
    if wanted:
        matching = [c for c in choice.clusters if wanted in c.name.casefold()]
        if not matching:
            await message.answer(t("stats-no-such-cluster", name=command.args or ""))
            return
        choice = Choice(matching, overview=False)
    if len(choice.clusters) == 1 and not choice.overview:
        result = await stats.cluster_stats(person, choice.clusters[0].id)
        await answer_parts(message, render_cluster_stats(t, result))
        return
    await message.answer(render_choice(t, choice), reply_markup=choice_keyboard(t, choice))


async def show_cluster_stats(
    query: CallbackQuery,
    callback_data: StatsCallback,
    message: Message,
    person: Person,
    access: AccessService,
    clock: Clock,
    t: Translator,
) -> None:
    result = await _stats(access, clock).cluster_stats(person, callback_data.cluster_id)
    await query.answer()
    await answer_parts(message, render_cluster_stats(t, result))


async def show_overview(
    query: CallbackQuery,
    callback_data: StatsCallback,
    message: Message,
    person: Person,
    access: AccessService,
    clock: Clock,
    t: Translator,
) -> None:
    rows = await _stats(access, clock).overview(person)
    by_overdue = bool(callback_data.value)
    await query.answer()
    if message.reply_markup is not None and any(
        (b.callback_data or "").startswith(StatsCallback.__prefix__ + ":overview")
        for row in message.reply_markup.inline_keyboard
        for b in row
    ):
        with suppress(TelegramBadRequest):  # already edited or too old: nothing to take off
            await drop_buttons(message)
    today = local_today(clock.now(), person_zone(rows))
    await answer_parts(
        message,
        render_overview(t, sort_overview(rows, by_overdue), by_overdue, today),
        overview_keyboard(t, by_overdue),
    )


def person_zone(rows: Sequence[OverviewRow]) -> str:
    """The zone the overview's date is given in: the clusters' own when they share one."""
    zones = {row.cluster.timezone for row in rows}
    return zones.pop() if len(zones) == 1 else "Europe/Moscow"


def create_router() -> Router:
    router = Router(name="stats")
    router.message.filter(Registered(), PRIVATE)
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(show_stats, Command("stats"))
    router.callback_query.register(show_cluster_stats, StatsCallback.filter(F.action == "cluster"))
    router.callback_query.register(show_overview, StatsCallback.filter(F.action == "overview"))
    return router
