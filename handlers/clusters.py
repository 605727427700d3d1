"""/newcluster: an administrator names the cluster, its region and its time zone."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.domain.calendar import CLUSTER_TIMEZONES, MOSCOW
from bot.i18n import Translator
from bot.services.clusters import ClusterService
from bot.telegram.callbacks import ClusterCallback
from bot.telegram.views.clusters import render_cluster_created, timezone_keyboard
from handlers.filters import PRIVATE, TYPED, Registered, WithMessage
from handlers.replies import drop_buttons
from handlers.states import ClusterDialog
from storage.models import Person


async def new_cluster(
    message: Message, person: Person, state: FSMContext, clusters: ClusterService, t: Translator
) -> None:
    clusters.begin_creation(person)
    await state.set_state(ClusterDialog.name)
    await state.set_data({})
    await message.answer(t("cluster-ask-name"))


async def cluster_name_typed(
    message: Message, person: Person, state: FSMContext, clusters: ClusterService, t: Translator
) -> None:
    name = await clusters.check_name(person, message.text or "")
    await state.update_data(name=name)
    await state.set_state(ClusterDialog.region)
    await message.answer(t("cluster-ask-region"))


async def cluster_region_typed(
    message: Message, state: FSMContext, clock: Clock, t: Translator
) -> None:
    await state.update_data(region=message.text or "")
    await state.set_state(ClusterDialog.timezone)
    await message.answer(t("cluster-ask-timezone"), reply_markup=timezone_keyboard(t, clock.now()))


async def cluster_timezone_chosen(
    query: CallbackQuery,
    message: Message,
    callback_data: ClusterCallback,
    person: Person,
    state: FSMContext,
    clusters: ClusterService,
    clock: Clock,
    t: Translator,
) -> None:
    index = callback_data.value
    timezone = CLUSTER_TIMEZONES[index] if 0 <= index < len(CLUSTER_TIMEZONES) else MOSCOW
    data = await state.get_data()
    cluster = await clusters.create(person, data.get("name", ""), data.get("region", ""), timezone)
    await state.clear()
    await query.answer()
    await drop_buttons(message)
    await message.answer(render_cluster_created(t, cluster, clock.now()))


def create_router() -> Router:
    router = Router(name="clusters")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(new_cluster, Command("newcluster"))
    router.message.register(cluster_name_typed, ClusterDialog.name, TYPED)
    router.message.register(cluster_region_typed, ClusterDialog.region, TYPED)
    router.callback_query.register(
        cluster_timezone_chosen, ClusterDialog.timezone, ClusterCallback.filter(F.action == "tz")
    )
    return router
