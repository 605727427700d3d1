"""Shared fixtures: a real migrated database (SQLite in tmp_path, or PostgreSQL), clock, i18n.

Set WORKPLAN_TEST_DATABASE_URL to a PostgreSQL URL (e.g. postgresql+asyncpg://postgres@127.0.0.1/test)
to run the same suite on PostgreSQL: a fresh database is created for the run and dropped after it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.types import TelegramObject
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import create_bot, create_dispatcher
from bot.config import Settings
from bot.domain.reminders import ReminderPolicy
from bot.domain.workdays import WorkCalendar
from bot.i18n import Translations
from bot.services.registry import ServiceSettings
from bot.services.reminders import DigestReader
from bot.telegram.sender import Pacer, Sender, TelegramDelivery
from handlers.middlewares import DbSessionMiddleware, I18nMiddleware, PersonMiddleware
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.models import Base, Cluster, MemberRole, Membership, Person
from storage.uow import Storage
from tests.chat import Chat, Deliver
from tests.fake_telegram import FakeTelegram, FakeUser, RecordingSession
from tests.fakes import FixedClock

RUSSIA = WorkCalendar()

PG_ENV = "WORKPLAN_TEST_DATABASE_URL"


def _run(coro: object) -> None:
    asyncio.run(coro)  # type: ignore[arg-type]


async def _admin_execute(url: str, statement: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def _migrate(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A migrated database made once per run: a SQLite file to copy, or a PostgreSQL database."""
    base = os.environ.get(PG_ENV)
    if not base:
        path = tmp_path_factory.mktemp("template") / "template.db"
        _run(_migrate(f"sqlite+aiosqlite:///{path}"))
        yield str(path)
        return
    name = f"workplan_test_{uuid.uuid4().hex[:10]}"
    admin_url = base
    _run(_admin_execute(admin_url, f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        _run(_migrate(url))
        yield url
    finally:
        _run(_admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def database_url(migrated_template: str, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database for one test."""
    if not os.environ.get(PG_ENV):
        path = tmp_path / "workplan.db"
        shutil.copyfile(migrated_template, path)
        yield f"sqlite+aiosqlite:///{path}"
        return
    yield migrated_template
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    _run(_admin_execute(migrated_template, f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)


@pytest.fixture
async def storage(session_factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[Storage]:
    async with session_factory() as session:
        yield Storage(session)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture(scope="session")
def translations() -> Translations:
    return Translations()


@pytest.fixture
def on_postgres() -> bool:
    return bool(os.environ.get(PG_ENV))


# --- Telegram: the fake Bot API and a Dispatcher built by the application's own factory ---------

ADMIN_TELEGRAM_ID = 900001


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    """The fake Bot API; a test fails when the bot sent anything Telegram would refuse."""
    fake = FakeTelegram()
    yield fake
    assert not fake.violations, "the bot broke Telegram's rules:\n" + "\n".join(fake.violations)


@pytest.fixture
async def bot(fake: FakeTelegram) -> AsyncIterator[Bot]:
    bot = create_bot(Settings(telegram={"token": fake.token}), session=RecordingSession(fake))
    yield bot
    await bot.session.close()


@pytest.fixture
def service_settings() -> ServiceSettings:
    return ServiceSettings(admin_ids=(ADMIN_TELEGRAM_ID,))


@pytest.fixture
def sender(
    bot: Bot,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> Sender:
    delivery = TelegramDelivery(bot, pacer=Pacer(per_chat_interval=0, global_interval=0))
    sender = Sender(session_factory, delivery, clock, translations)
    sender.digests = DigestReader(ReminderPolicy(), RUSSIA, clock)
    return sender


APP_MIDDLEWARES = (I18nMiddleware, DbSessionMiddleware, FSMContextMiddleware, PersonMiddleware)


class DeliverAfterUpdate(BaseMiddleware):
    """Tests only: the background sender's work done in line, so a test reads the notices an
    update queued right after it (the bot process never waits: tests/test_sender.py)."""

    def __init__(self, sender: Sender) -> None:
        self.sender = sender

    async def __call__(self, handler: Any, event: TelegramObject, data: dict[str, Any]) -> Any:
        try:
            return await handler(event, data)
        finally:
            await self.sender.drain()


@pytest.fixture
def dispatcher(
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
    service_settings: ServiceSettings,
    sender: Sender,
) -> Dispatcher:
    dispatcher = create_dispatcher(
        session_factory=session_factory,
        settings=service_settings,
        translations=translations,
        clock=clock,
        sender=sender,
    )
    # Outside the application's own middlewares: delivery starts once the update's session
    # has committed and closed, as it does in the bot process.
    manager = dispatcher.update.outer_middleware
    ours = [m for m in manager if isinstance(m, APP_MIDDLEWARES)]
    for middleware in ours:
        manager.unregister(middleware)
    manager.register(DeliverAfterUpdate(sender))
    for middleware in ours:
        manager.register(middleware)
    return dispatcher


# --- the Chat driver ------------------------------------------------------------------------------


@pytest.fixture
def deliver(sender: Sender) -> Deliver:
    """Delivers the notices queued by an update; the Chat driver awaits it after each update.

    The ``dispatcher`` fixture's DeliverAfterUpdate has drained the outbox already, so this
    finds nothing more in the ordinary case; it is the driver's explicit promise that what an
    update queued has reached its recipients before the test reads anyone's chat.
    """
    return sender.drain


@pytest.fixture
def chat(dispatcher: Dispatcher, bot: Bot, fake: FakeTelegram, deliver: Deliver) -> Chat:
    """People talking to the bot: ``await chat.say(user, "/my")``, ``chat.press(user, "✅")``."""
    return Chat(dispatcher, bot, fake, deliver)


# --- seeds ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClusterSeed:
    """What the ``coordinator_cluster`` seed creates; override the ``cluster_seed`` fixture in a
    module to seed another cluster (e.g. one whose name matches the plan it imports)."""

    name: str = "Кластер транспорта"
    region: str = "Смоленская область"
    timezone: str = "Europe/Moscow"
    telegram_id: int = 3001
    first_name: str = "Ольга"
    last_name: str = "Секретарёва"


@dataclass(frozen=True)
class CoordinatorCluster:
    """A cluster and its coordinator, who has already opened a private chat with the bot."""

    user: FakeUser
    person_id: int
    cluster_id: int


async def seed_coordinator_cluster(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    seed: ClusterSeed,
    now: datetime,
) -> CoordinatorCluster:
    user = fake.user(seed.telegram_id, seed.first_name, seed.last_name)
    async with session_factory() as session:
        cluster = Cluster(
            name=seed.name, region=seed.region, timezone=seed.timezone, created_at=now
        )
        person = Person(
            telegram_id=user.id,
            full_name=f"{seed.first_name} {seed.last_name}",
            is_admin=False,
            private_chat_started=True,
            created_at=now,
        )
        session.add_all([cluster, person])
        await session.flush()
        session.add(
            Membership(
                cluster_id=cluster.id,
                person_id=person.id,
                role=MemberRole.COORDINATOR,
                joined_at=now,
            )
        )
        await session.commit()
        return CoordinatorCluster(user=user, person_id=person.id, cluster_id=cluster.id)


@pytest.fixture
def cluster_seed() -> ClusterSeed:
    return ClusterSeed()


@pytest.fixture
async def coordinator_cluster(
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
    clock: FixedClock,
    cluster_seed: ClusterSeed,
) -> CoordinatorCluster:
    """A cluster (``cluster_seed``) with one coordinator, created before the test begins."""
    return await seed_coordinator_cluster(session_factory, fake, cluster_seed, clock.now())
