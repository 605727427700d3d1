"""Reads that do not grow with the data: the same number of SQL statements at two sizes.

Counts, not times (bench/bench_queries.py prints the figures at the issue's sizes).
"""

from __future__ import annotations

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import create_dispatcher
from bot.i18n import Translations
from bot.services.registry import ServiceSettings
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import StatementCounter, seed_plan

SMALL, LARGE = 3, 12


async def _statements(
    engine: AsyncEngine,
    factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    fake: FakeTelegram,
    action: str,
    size: int,
    first_telegram_id: int,
) -> int:
    """Seed a cluster whose ``action`` reads ``size`` things, run it once, count statements."""
    sizes = {
        "/my": {"items": size},
        "/item 1": {"items": 1, "colleges": size, "reports": True},
        "/plan": {"items": size, "occurrences": 2},
    }[action]
    world = await seed_plan(
        factory,
        fake,
        first_telegram_id=first_telegram_id,
        cluster_name=f"Кластер {first_telegram_id}",
        **sizes,  # type: ignore[arg-type]
    )
    dispatcher = create_dispatcher(
        session_factory=factory,
        settings=ServiceSettings(),
        translations=Translations(),
        clock=FixedClock(),
    )
    user = world.heads[0] if action == "/my" else world.coordinator
    counter = StatementCounter(engine)
    try:
        await dispatcher.feed_update(bot, fake.send_text(user, action))
    finally:
        counter.close()
    assert fake.last_message_to(user.id).text  # the action answered
    return counter.statements


@pytest.mark.parametrize("action", ["/my", "/item 1", "/plan"])
async def test_a_read_action_runs_as_many_statements_for_a_small_and_a_large_plan(
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    bot: Bot,
    fake: FakeTelegram,
    action: str,
) -> None:
    small = await _statements(engine, session_factory, bot, fake, action, SMALL, 7000)
    large = await _statements(engine, session_factory, bot, fake, action, LARGE, 8000)
    assert small == large
