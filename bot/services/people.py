"""People: the Person behind a Telegram user, and who is an administrator."""

from __future__ import annotations

from collections.abc import Collection

from bot.clock import Clock
from bot.domain.people import UserInfo
from storage.models import Person
from storage.uow import Storage


class PeopleService:
    def __init__(self, storage: Storage, clock: Clock, admin_ids: Collection[int]) -> None:
        self.storage = storage
        self.clock = clock
        self.admin_ids = frozenset(admin_ids)

    async def find(self, telegram_id: int) -> Person | None:
        return await self.storage.persons.by_telegram_id(telegram_id)

    async def ensure(self, user: UserInfo, *, private_chat: bool = False) -> Person:
        """Create or refresh the person (no commit: the caller's service commits)."""
        person = await self.storage.persons.by_telegram_id(user.telegram_id)
        if person is None:
            return await self.storage.persons.add(
                Person(
                    telegram_id=user.telegram_id,
                    full_name=user.full_name or str(user.telegram_id),
                    username=user.username,
                    language_code=user.language_code,
                    is_admin=False,
                    private_chat_started=private_chat,
                    created_at=self.clock.now(),
                )
            )
        person.username = user.username
        person.language_code = user.language_code
        if private_chat:
            person.private_chat_started = True
            person.unreachable_since = None
        return person

    async def reachable_again(self, person: Person) -> None:
        """The person wrote to the bot in private: Telegram delivers to them again."""
        if person.unreachable_since is not None:
            person.unreachable_since = None
            await self.storage.commit()

    def is_admin(self, person: Person | None, telegram_id: int) -> bool:
        return telegram_id in self.admin_ids or bool(person and person.is_admin)
