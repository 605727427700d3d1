"""aiogram FSM storage kept in the application database, so dialogs survive a restart."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from storage.uow import Storage


class DatabaseFsmStorage(BaseStorage):
    """Each call is its own short transaction: dialog state is independent of the update's work."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        key_builder: KeyBuilder | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.key_builder = key_builder or DefaultKeyBuilder(with_destiny=True, with_bot_id=True)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        async with self.session_factory() as session:
            storage = Storage(session)
            await storage.fsm.put(self.key_builder.build(key), self.clock.now(), state=value)
            await storage.commit()

    async def get_state(self, key: StorageKey) -> str | None:
        async with self.session_factory() as session:
            record = await Storage(session).fsm.get(self.key_builder.build(key))
            return record.state if record else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        async with self.session_factory() as session:
            storage = Storage(session)
            await storage.fsm.put(self.key_builder.build(key), self.clock.now(), data=dict(data))
            await storage.commit()

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        async with self.session_factory() as session:
            record = await Storage(session).fsm.get(self.key_builder.build(key))
            return dict(record.data) if record and record.data else {}

    async def close(self) -> None:
        """The engine belongs to the application, which disposes of it."""
