"""/reminders (what the bot will remind the person of, and when) and the digest's
«⏰ Напомнить завтра» press."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.clock import Clock
from bot.i18n import Translator
from bot.services.reminders import ReminderService
from bot.telegram.callbacks import ReminderCallback
from bot.telegram.views.reminders import render_reminders, render_snoozed
from handlers.filters import PRIVATE, Registered
from handlers.replies import answer_parts
from storage.models import Person


async def show_reminders(
    message: Message, person: Person, reminders: ReminderService, t: Translator, clock: Clock
) -> None:
    upcoming = await reminders.upcoming(person)
    coordinated = await reminders.coordinated_policies(person)
    await answer_parts(message, render_reminders(t, upcoming, coordinated, clock.now()))


async def snooze_reminder(
    query: CallbackQuery,
    callback_data: ReminderCallback,
    person: Person,
    reminders: ReminderService,
    t: Translator,
) -> None:
    """The digest stays as it is: the press is answered with a short notice over the chat.
    A digest too old to be edited still snoozes (no message needed)."""
    until, _cluster = await reminders.snooze(person, callback_data.assignment_id)
    await query.answer(render_snoozed(t, until))


def create_router() -> Router:
    router = Router(name="reminders")
    router.message.filter(PRIVATE, Registered())
    router.callback_query.filter(Registered())
    router.message.register(show_reminders, Command("reminders"))
    router.callback_query.register(snooze_reminder, ReminderCallback.filter(F.action == "snooze"))
    return router
