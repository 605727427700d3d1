"""/summary: the weekly summary now (chart, then text), for the cluster's coordinators and
observers; «📋 Подробнее» under a summary (the post in the group too) sends the full lists to
the presser's private chat, if they may read them."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.errors import AccessDenied, NotFound
from bot.i18n import Translator
from bot.services.access import AccessService
from bot.services.summaries import SummaryService
from bot.telegram.views.summaries import (
    SummaryCallback,
    clusters_keyboard,
    parse_day,
    render_full_lists,
    render_summary,
)
from handlers.filters import PRIVATE, Registered, WithMessage
from storage.models import Person


async def _send(
    bot: Bot, chat_id: int, t: Translator, service: SummaryService, cluster_id: int
) -> None:
    cluster = await service.storage.clusters.get(cluster_id)
    assert cluster is not None
    summary = await service.summary(cluster)
    for part in render_summary(t, summary):
        if part.photo is not None:
            await bot.send_photo(
                chat_id, BufferedInputFile(part.photo, "summary.png"), caption=part.text
            )
        else:
            await bot.send_message(chat_id, part.text, reply_markup=part.keyboard)


async def show_summary(
    message: Message,
    bot: Bot,
    person: Person,
    access: AccessService,
    t: Translator,
    summaries: SummaryService,
) -> None:
    service = summaries
    clusters = await service.readable_clusters(person, access.is_admin(person))
    if not clusters:
        await message.answer(t("summary-not-allowed"))
        return
    if len(clusters) > 1:
        await message.answer(
            t("summary-choose-cluster"),
            reply_markup=clusters_keyboard([(c.id, c.name) for c in clusters]),
        )
        return
    await _send(bot, message.chat.id, t, service, clusters[0].id)


async def choose_cluster(
    query: CallbackQuery,
    callback_data: SummaryCallback,
    message: Message,
    bot: Bot,
    person: Person,
    access: AccessService,
    t: Translator,
    summaries: SummaryService,
) -> None:
    service = summaries
    try:
        cluster = await service.readable(person, callback_data.cluster_id, access.is_admin(person))
    except (AccessDenied, NotFound):
        await query.answer(t("summary-not-allowed"), show_alert=True)
        return
    await query.answer()
    await _send(bot, message.chat.id, t, service, cluster.id)


async def full_lists(
    query: CallbackQuery,
    callback_data: SummaryCallback,
    bot: Bot,
    person: Person,
    access: AccessService,
    t: Translator,
    summaries: SummaryService,
) -> None:
    """«Подробнее»: pressed in the group or in private, the lists go to the presser alone."""
    service = summaries
    try:
        cluster = await service.readable(person, callback_data.cluster_id, access.is_admin(person))
    except (AccessDenied, NotFound):
        await query.answer(t("summary-not-allowed"), show_alert=True)
        return
    day = parse_day(callback_data.day) or service.today(cluster)
    summary = await service.summary(cluster, day)
    try:
        for text in render_full_lists(t, summary):
            await bot.send_message(person.telegram_id, text)
    except (TelegramForbiddenError, TelegramBadRequest):
        await query.answer(t("summary-open-private"), show_alert=True)
        return
    private = query.message is not None and query.message.chat.type == ChatType.PRIVATE
    await query.answer(None if private else t("summary-sent-privately"))


def create_router() -> Router:
    router = Router(name="summaries")
    router.message.filter(PRIVATE, Registered())
    router.message.register(show_summary, Command("summary"))
    router.callback_query.filter(Registered(), WithMessage())
    router.callback_query.register(
        choose_cluster,
        SummaryCallback.filter(F.action == "cluster"),
        F.message.chat.type == ChatType.PRIVATE,
    )
    router.callback_query.register(full_lists, SummaryCallback.filter(F.action == "full"))
    return router
