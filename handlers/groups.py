"""The cluster's group chat: /bind by a coordinator, the cluster choice, supergroup migration."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.i18n import Translator
from bot.services.groups import GroupService
from bot.telegram.callbacks import GroupCallback
from bot.telegram.views.groups import bind_keyboard
from handlers.filters import GROUPS, Registered, WithMessage
from storage.models import Person


def _thread_of(message: Message) -> int | None:
    return message.message_thread_id if message.is_topic_message else None


async def bind_group(message: Message, person: Person, groups: GroupService, t: Translator) -> None:
    binding = await groups.bind(person, message.chat.id, _thread_of(message))
    if binding.bound is None:
        await message.answer(t("bind-choose-cluster"), reply_markup=bind_keyboard(binding.choices))
        return
    await message.answer(t("bind-done", cluster=binding.bound.name))


async def bind_group_chosen(
    query: CallbackQuery,
    message: Message,
    callback_data: GroupCallback,
    person: Person,
    groups: GroupService,
    t: Translator,
) -> None:
    binding = await groups.bind(
        person, message.chat.id, _thread_of(message), cluster_id=callback_data.cluster_id
    )
    assert binding.bound is not None  # a cluster was named: bound or refused, never a choice
    await query.answer()
    await message.edit_text(t("bind-done", cluster=binding.bound.name))


async def follow_group_migration(message: Message, groups: GroupService) -> None:
    """A service message from Telegram, not from a person: no Registered filter here."""
    assert message.migrate_to_chat_id is not None  # the filter F.migrate_to_chat_id says so
    await groups.migrate(message.chat.id, message.migrate_to_chat_id)


def create_router() -> Router:
    router = Router(name="groups")
    router.message.filter(GROUPS)
    router.message.register(follow_group_migration, F.migrate_to_chat_id)
    # Registered refuses by raising: it must see only what this router answers, so that the
    # group's own conversation never reaches it.
    binding = Router(name="groups.binding")
    binding.message.filter(Command("bind"), Registered())
    binding.callback_query.filter(GroupCallback.filter(), Registered(), WithMessage())
    binding.message.register(bind_group)
    binding.callback_query.register(bind_group_chosen, GroupCallback.filter(F.action == "bind"))
    router.include_router(binding)
    return router
