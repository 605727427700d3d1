"""Multi-step dialogs; their state is kept in the database (DatabaseFsmStorage)."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup


class ImportDialog(StatesGroup):
    choosing_cluster = State()
    confirming = State()


class DeadlineDialog(StatesGroup):
    typing = State()
