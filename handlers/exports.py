"""/export: the plan with its «Отметка о выполнении» as a Word or Excel file or a web page,
for coordinators, observers and administrators, in a private chat."""

from __future__ import annotations

import asyncio

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.errors import NotFound
from bot.exports.docx import write_docx
from bot.exports.html import write_html
from bot.exports.model import PlanExport
from bot.exports.xlsx import write_xlsx
from bot.i18n import Translator
from bot.services.access import AccessService
from bot.services.exports import ExportService
from bot.telegram.views.exports import (
    FORMATS,
    ExportCallback,
    clusters_keyboard,
    file_name,
    formats_keyboard,
    render_caption,
    render_choose_cluster,
    render_choose_format,
    render_denied,
    render_no_plan,
)
from handlers.filters import PRIVATE, Registered, WithMessage
from storage.models import Person

WRITERS = {"docx": write_docx, "xlsx": write_xlsx, "html": write_html}


async def start_export(
    message: Message,
    person: Person,
    access: AccessService,
    t: Translator,
    exports: ExportService,
) -> None:
    clusters = await exports.clusters(person)
    if not clusters:
        await message.answer(render_denied(t))
        return
    if len(clusters) > 1:
        await message.answer(render_choose_cluster(t), reply_markup=clusters_keyboard(t, clusters))
        return
    only = clusters[0]
    await message.answer(
        render_choose_format(t, only.name), reply_markup=formats_keyboard(t, only.cluster_id)
    )


async def choose_format(
    query: CallbackQuery,
    callback_data: ExportCallback,
    message: Message,
    person: Person,
    access: AccessService,
    t: Translator,
    exports: ExportService,
) -> None:
    choices = await exports.clusters(person)
    chosen = next((c for c in choices if c.cluster_id == callback_data.cluster_id), None)
    if chosen is None:
        await query.answer(render_denied(t), show_alert=True)
        return
    await query.answer()
    await message.edit_text(
        render_choose_format(t, chosen.name),
        reply_markup=formats_keyboard(t, chosen.cluster_id),
    )


async def send_export(
    query: CallbackQuery,
    callback_data: ExportCallback,
    message: Message,
    person: Person,
    access: AccessService,
    t: Translator,
    exports: ExportService,
) -> None:
    service = exports
    try:
        export: PlanExport = await service.build(person, callback_data.cluster_id)
    except NotFound as missing:
        await query.answer()
        cluster = str(missing.args_for_message.get("cluster", ""))
        await message.answer(render_no_plan(t, cluster))
        return
    await query.answer()
    extension = callback_data.format
    # The writers are pure and CPU-bound: off the event loop, so other chats are not held up.
    data = await asyncio.to_thread(WRITERS[extension], export)
    await message.answer_document(
        BufferedInputFile(data, filename=file_name(export.cluster, export.today, extension)),
        caption=render_caption(t, export.cluster, export.today, extension),
    )


def create_router() -> Router:
    router = Router(name="exports")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(Registered(), WithMessage())
    router.message.register(start_export, Command("export"))
    router.callback_query.register(choose_format, ExportCallback.filter(F.action == "cl"))
    router.callback_query.register(
        send_export, ExportCallback.filter((F.action == "fmt") & F.format.in_(FORMATS))
    )
    return router
