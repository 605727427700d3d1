"""aiogram FSM storage kept in the application database, so dialogs survive a restart.

Inside an update the dialog state goes through that update's own session (bound by the DB
session middleware): one connection per update, and the state is committed together with the
change the service commits — a refused step leaves the dialog where it was. Outside an update
(aiogram reads the state before our middleware runs) each call is its own short transaction.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

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

T = TypeVar("T")
_update_storage: ContextVar[Storage | None] = ContextVar("workplan_update_storage", default=None)


@contextmanager
def update_storage(storage: Storage) -> Iterator[None]:
    """Dialog state read and written while handling one update goes through ``storage``."""
    token = _update_storage.set(storage)
    try:
        yield
    finally:
        _update_storage.reset(token)


class DatabaseFsmStorage(BaseStorage):
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Clock,
        key_builder: KeyBuilder | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock
        self.key_builder = key_builder or DefaultKeyBuilder(with_destiny=True, with_bot_id=True)

    async def _use(self, work: Callable[[Storage], Awaitable[T]], *, write: bool) -> T:
        storage = _update_storage.get()
        if storage is not None:
            return await work(storage)
        async with self.session_factory() as session:
            own = Storage(session)
            result = await work(own)
            if write:
                await own.commit()
            return result

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        name = self.key_builder.build(key)
        await self._use(lambda s: s.fsm.put(name, self.clock.now(), state=value), write=True)

    async def get_state(self, key: StorageKey) -> str | None:
        name = self.key_builder.build(key)

        async def read(storage: Storage) -> str | None:
            # The update's first read of its dialog: lock it for the rest of the update.
            record = await storage.fsm.get(name, lock=storage is _update_storage.get())
            return record.state if record else None

        return await self._use(read, write=False)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        name = self.key_builder.build(key)
        await self._use(lambda s: s.fsm.put(name, self.clock.now(), data=dict(data)), write=True)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        name = self.key_builder.build(key)

        async def read(storage: Storage) -> dict[str, Any]:
            record = await storage.fsm.get(name)
            return dict(record.data) if record and record.data else {}

        return await self._use(read, write=False)

    async def close(self) -> None:
        """The engine belongs to the application, which disposes of it."""
