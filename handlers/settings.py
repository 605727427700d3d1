"""/settings: a coordinator changes the cluster's reminder policy with buttons, in one message
edited in place (summary → a setting's values → the summary with the change confirmed)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.clock import Clock
from bot.i18n import Translator
from bot.services.access import AccessService
from bot.services.reminders import ReminderService
from bot.services.summaries import SummaryService
from bot.telegram.callbacks import SettingsCallback
from bot.telegram.views.settings import (
    SETTING_KEYS,
    SUMMARY_KEYS,
    clusters_keyboard,
    current_value,
    render_choose_cluster,
    render_saved,
    render_setting,
    render_settings,
    render_summary_saved,
    render_summary_setting,
    setting_keyboard,
    setting_values,
    settings_keyboard,
    summary_current,
    summary_setting_keyboard,
    summary_values,
)
from handlers.filters import PRIVATE, Registered, WithMessage
from storage.models import Person


def _buttons(markup: InlineKeyboardMarkup) -> list[list[tuple[str, str | None]]]:
    return [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]


async def _show(message: Message, text: str, markup: InlineKeyboardMarkup) -> None:
    """Edit the message into ``text``; a second press of the same button changes nothing,
    and Telegram refuses an edit that changes nothing, so none is made."""
    same_text = message.text is not None and text in (message.text, message.html_text)
    shown = message.reply_markup
    if same_text and shown is not None and _buttons(shown) == _buttons(markup):
        return
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as error:
        if "message is not modified" not in str(error):
            raise


async def show_settings(
    message: Message,
    person: Person,
    access: AccessService,
    reminders: ReminderService,
    t: Translator,
    clock: Clock,
) -> None:
    clusters = await access.coordinated_clusters(person)
    if not clusters:
        await message.answer(t("settings-not-coordinator"))
        return
    if len(clusters) > 1:
        await message.answer(render_choose_cluster(t), reply_markup=clusters_keyboard(t, clusters))
        return
    settings = await reminders.settings(person, clusters[0].id)
    await message.answer(
        render_settings(t, settings, clock.now()), reply_markup=settings_keyboard(t, settings)
    )


async def open_summary(
    query: CallbackQuery,
    callback_data: SettingsCallback,
    message: Message,
    person: Person,
    reminders: ReminderService,
    t: Translator,
    clock: Clock,
) -> None:
    """A cluster chosen, or «⬅️ Назад» from a setting: the summary."""
    settings = await reminders.settings(person, callback_data.cluster_id)
    await query.answer()
    await _show(message, render_settings(t, settings, clock.now()), settings_keyboard(t, settings))


async def open_setting(
    query: CallbackQuery,
    callback_data: SettingsCallback,
    message: Message,
    person: Person,
    reminders: ReminderService,
    t: Translator,
) -> None:
    key = callback_data.key
    if key not in SETTING_KEYS and key not in SUMMARY_KEYS:
        await query.answer(t("error-stale-button"), show_alert=True)
        return
    settings = await reminders.settings(person, callback_data.cluster_id)
    await query.answer()
    if key in SUMMARY_KEYS:
        cluster = settings.cluster
        await _show(
            message,
            render_summary_setting(t, cluster, key),
            summary_setting_keyboard(t, cluster, key),
        )
        return
    await _show(message, render_setting(t, settings, key), setting_keyboard(t, settings, key))


async def set_value(
    query: CallbackQuery,
    callback_data: SettingsCallback,
    message: Message,
    person: Person,
    reminders: ReminderService,
    summaries: SummaryService,
    t: Translator,
    clock: Clock,
) -> None:
    key, value = callback_data.key, callback_data.value
    if key in SUMMARY_KEYS:
        await _set_summary_value(
            query, callback_data, message, person, reminders, summaries, t, clock
        )
        return
    if key not in SETTING_KEYS or value not in setting_values(key):
        await query.answer(t("error-stale-button"), show_alert=True)
        return
    settings = await reminders.settings(person, callback_data.cluster_id)
    if key != "days_before" and current_value(settings.policy, key) == value:
        # The value that holds already (its ✓ button): back to the summary, nothing changed.
        await query.answer()
        await _show(
            message, render_settings(t, settings, clock.now()), settings_keyboard(t, settings)
        )
        return
    changed = await reminders.change(person, callback_data.cluster_id, key, value)
    await query.answer()
    note = render_saved(t, changed, key)
    if key == "days_before":  # several days may be chosen: the list stays open
        await _show(
            message, render_setting(t, changed, key, note), setting_keyboard(t, changed, key)
        )
        return
    await _show(
        message, render_settings(t, changed, clock.now(), note), settings_keyboard(t, changed)
    )


async def _set_summary_value(
    query: CallbackQuery,
    callback_data: SettingsCallback,
    message: Message,
    person: Person,
    reminders: ReminderService,
    summaries: SummaryService,
    t: Translator,
    clock: Clock,
) -> None:
    """The weekly summary's day or hour, or the cluster's colours: saved, back to the summary."""
    key, value = callback_data.key, callback_data.value
    if value not in summary_values(key):
        await query.answer(t("error-stale-button"), show_alert=True)
        return
    settings = await reminders.settings(person, callback_data.cluster_id)  # a coordinator's
    cluster = settings.cluster
    note = None
    if summary_current(cluster, key) != value:
        await summaries.change(person, cluster, key, value)
        note = render_summary_saved(t, cluster, key)
    await query.answer()
    await _show(
        message, render_settings(t, settings, clock.now(), note), settings_keyboard(t, settings)
    )


async def reset_settings(
    query: CallbackQuery,
    callback_data: SettingsCallback,
    message: Message,
    person: Person,
    reminders: ReminderService,
    t: Translator,
    clock: Clock,
) -> None:
    settings = await reminders.settings(person, callback_data.cluster_id)
    if settings.policy == settings.default:
        await query.answer(t("settings-already-default"))
        return
    changed = await reminders.change(person, callback_data.cluster_id, "reset", 0)
    await query.answer()
    await _show(
        message,
        render_settings(t, changed, clock.now(), t("settings-reset-done")),
        settings_keyboard(t, changed),
    )


def create_router() -> Router:
    router = Router(name="settings")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(
        Registered(), WithMessage(), F.message.chat.type == ChatType.PRIVATE
    )
    router.message.register(show_settings, Command("settings"))
    router.callback_query.register(
        open_summary, SettingsCallback.filter(F.action.in_({"cluster", "menu"}))
    )
    router.callback_query.register(open_setting, SettingsCallback.filter(F.action == "open"))
    router.callback_query.register(set_value, SettingsCallback.filter(F.action == "set"))
    router.callback_query.register(reset_settings, SettingsCallback.filter(F.action == "reset"))
    return router
