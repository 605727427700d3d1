"""Multi-step dialogs; their state is kept in the database (DatabaseFsmStorage)."""

from __future__ import annotations

from aiogram.fsm.state import State, StatesGroup


class ImportDialog(StatesGroup):
    choosing_cluster = State()
    confirming = State()


class DeadlineDialog(StatesGroup):
    typing = State()


class JoinDialog(StatesGroup):
    full_name = State()
    organization = State()
    position = State()


class ClusterDialog(StatesGroup):
    name = State()
    region = State()
    timezone = State()


class InviteDialog(StatesGroup):
    cluster = State()
    role = State()
    organization = State()
    plan_roles = State()


class ReportDialog(StatesGroup):
    collecting = State()  # comment and files of a report, until «Отправить»


class ExtensionDialog(StatesGroup):
    new_date = State()
    reason = State()


class ReturnDialog(StatesGroup):
    reason = State()


class AddItemDialog(StatesGroup):
    text = State()
    executors = State()
    deadline = State()


class ExecutorsDialog(StatesGroup):
    typing = State()


class CloseDialog(StatesGroup):
    reason = State()
