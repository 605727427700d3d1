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
from storage.models import Cluster, Person


async def _send(
    bot: Bot, chat_id: int, t: Translator, summaries: SummaryService, cluster_id: int
) -> None:
    cluster = await summaries.storage.clusters.get(cluster_id)
    assert cluster is not None
    summary = await summaries.summary(cluster)
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
    clusters = await summaries.readable_clusters(person, access.is_admin(person))
    if not clusters:
        await message.answer(t("summary-not-allowed"))
        return
    if len(clusters) > 1:
        await message.answer(
            t("summary-choose-cluster"),
            reply_markup=clusters_keyboard([(c.id, c.name) for c in clusters]),
        )
        return
    await _send(bot, message.chat.id, t, summaries, clusters[0].id)


async def _readable(
    query: CallbackQuery,
    summaries: SummaryService,
    person: Person,
    access: AccessService,
    cluster_id: int,
    t: Translator,
) -> Cluster | None:
    """The cluster of a press, if the presser may read its summary; else the press is answered."""
    try:
        return await summaries.readable(person, cluster_id, access.is_admin(person))
    except (AccessDenied, NotFound):
        await query.answer(t("summary-not-allowed"), show_alert=True)
        return None


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
    cluster = await _readable(query, summaries, person, access, callback_data.cluster_id, t)
    if cluster is None:
        return
    await query.answer()
    await _send(bot, message.chat.id, t, summaries, cluster.id)


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
    cluster = await _readable(query, summaries, person, access, callback_data.cluster_id, t)
    if cluster is None:
        return
    day = parse_day(callback_data.day) or summaries.today(cluster)
    summary = await summaries.summary(cluster, day)
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
