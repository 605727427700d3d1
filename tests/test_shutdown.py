"""A stopping process finishes what it has in hand and cuts no transaction off halfway.

SIGTERM (a deploy, `docker stop`) used to cancel the sender's drain and a reminder sweep in the
middle of their transactions: the rows sent and not yet settled were sent again after the
restart, and on SQLite the abandoned connection logged a traceback. Now the updates in hand,
a sweep under way and the sender's drain each finish first (``bot.app._stop``); the sender
sends what it has started, puts back what it has not, and claims nothing more.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import Message, Update
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.reminders import ReminderPolicy
from bot.domain.workdays import WorkCalendar
from bot.i18n import Translations
from bot.scheduler import Sweeper
from bot.services.reminders import SweepResult
from bot.telegram.sender import Pacer
from handlers.middlewares import InFlightUpdates
from storage.models import Notification, NotificationStatus
from tests.fake_telegram import FakeTelegram, FakeTelegramServer
from tests.fakes import FixedClock
from tests.test_delivery import _sender, _statuses, seed_outbox
from tests.test_process import STARTUP, _environment
from tests.test_process_delivery_kill import _start

HANG = 60  # a guard against a hang only, never a measure of speed


async def _claimed(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as session:
        query = select(func.count()).where(
            Notification.status == NotificationStatus.PENDING,
            Notification.claimed_until.is_not(None),
        )
        return int((await session.execute(query)).scalar_one())


# --- the sender -------------------------------------------------------------------------------


async def test_a_stopped_sender_sends_what_it_started_puts_back_the_rest_and_repeats_nothing(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    outbox = await seed_outbox(session_factory, clock.now(), rows=300, group_share=0.1)
    fake.send_latency = 0.01
    sender = _sender(bot, session_factory, clock, translations, max_in_flight=8, batch=50)
    running = asyncio.create_task(sender.run())
    sender.wake()
    for _ in range(HANG * 100):
        if sum(fake.sent_counts().values()) >= 40:
            break
        await asyncio.sleep(0.01)
    sender.stop()
    await asyncio.wait_for(running, HANG)  # run returns by itself: it is not cancelled
    at_stop = sum(fake.sent_counts().values())
    statuses = await _statuses(session_factory)
    assert 40 <= at_stop < sum(outbox.expected.values()), "the stop was not mid-burst"
    # Every message that went out is settled as sent; nothing is left claimed, so the next
    # start takes the rest at once instead of waiting for the claims to run out.
    assert statuses[NotificationStatus.SENT.value] == at_stop
    assert await _claimed(session_factory) == 0
    assert fake.max_sends_in_progress <= 8

    restarted = _sender(bot, session_factory, clock, translations, max_in_flight=8)
    await restarted.drain()  # the clock has not moved: no claim had to run out
    assert (await _statuses(session_factory))[NotificationStatus.PENDING.value] == 0
    assert Counter(fake.sent_counts()) == outbox.expected  # exactly once, every chat


async def test_a_stopped_sender_does_not_wait_out_a_groups_limit(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    """Ten posts wait a minute for a group's window: a stop puts them back instead."""
    outbox = await seed_outbox(
        session_factory, clock.now(), rows=40, clusters=1, members=3, group_share=1.0
    )
    pacer = Pacer(per_chat_interval=0, global_interval=0, per_group_per_minute=30)
    sender = _sender(bot, session_factory, clock, translations, pacer)
    running = asyncio.create_task(sender.run())
    sender.wake()
    await fake.wait_for_call("sendMessage", lambda c: len(fake.messages_to(-100_000)) == 30)
    sender.stop()
    await asyncio.wait_for(running, HANG)
    statuses = await _statuses(session_factory)
    assert outbox.expected[-100_000] == 40
    assert len(fake.messages_to(-100_000)) == statuses[NotificationStatus.SENT.value] == 30
    assert statuses[NotificationStatus.PENDING.value] == 10
    assert await _claimed(session_factory) == 0


async def test_a_sender_stopped_while_idle_returns_and_sends_nothing(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    await seed_outbox(session_factory, clock.now(), rows=5)
    sender = _sender(bot, session_factory, clock, translations)
    running = asyncio.create_task(sender.run())
    await asyncio.sleep(0)
    sender.stop()
    await asyncio.wait_for(running, HANG)
    assert fake.sent_counts() == {}
    assert (await _statuses(session_factory))[NotificationStatus.PENDING.value] == 5


# --- the updates in hand and the sweep --------------------------------------------------------


def _update(update_id: int) -> Update:
    return Update.model_validate(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": {"id": 7, "type": "private"},
                "from": {"id": 7, "is_bot": False, "first_name": "Анна"},
                "text": "/my",
            },
        }
    )


async def test_updates_in_hand_are_let_finish_and_one_past_the_grace_is_cut_off(
    bot: Bot,
) -> None:
    in_flight = InFlightUpdates()
    dispatcher = Dispatcher()
    dispatcher.update.outer_middleware(in_flight)
    release = asyncio.Event()
    finished: list[int] = []
    cancelled: list[int] = []

    @dispatcher.message()
    async def slow(message: Message) -> None:
        try:
            if message.message_id == 1:
                await release.wait()
            else:
                await asyncio.Event().wait()  # never ends by itself
            finished.append(message.message_id)
        except asyncio.CancelledError:
            cancelled.append(message.message_id)
            raise

    assert await in_flight.settle(0.1) == 0  # nothing in hand: returns at once
    first = asyncio.create_task(dispatcher.feed_update(bot, _update(1)))
    await asyncio.sleep(0.01)
    assert in_flight.count == 1
    asyncio.get_running_loop().call_later(0.05, release.set)
    assert await in_flight.settle(HANG) == 0
    assert finished == [1]
    assert first.done()
    assert in_flight.count == 0

    stuck = asyncio.create_task(dispatcher.feed_update(bot, _update(2)))
    await asyncio.sleep(0.01)
    assert await in_flight.settle(0.05) == 1
    assert cancelled == [2]
    assert stuck.cancelled()
    assert in_flight.count == 0


async def test_a_sweep_under_way_is_waited_for(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    started, release = asyncio.Event(), asyncio.Event()

    class SlowSweeper(Sweeper):
        async def run(self) -> SweepResult:
            started.set()
            await release.wait()
            return await super().run()

    sweeper = SlowSweeper(session_factory, clock, ReminderPolicy(), WorkCalendar())
    assert await sweeper.settle(0.01)  # idle
    job = asyncio.create_task(sweeper.job())
    await started.wait()
    assert not await sweeper.settle(0.05)  # still sweeping
    asyncio.get_running_loop().call_later(0.05, release.set)
    assert await sweeper.settle(HANG)
    assert job.done()
    assert not job.cancelled()


# --- a real process ---------------------------------------------------------------------------


@pytest.mark.process
@pytest.mark.timeout(300)
async def test_sigterm_mid_burst_stops_cleanly_and_the_restart_sends_the_rest_exactly_once(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    outbox = await seed_outbox(
        session_factory,
        datetime.now(UTC),
        rows=300,
        clusters=4,
        members=24,
        coordinators=1,
        group_share=0.1,
        seed=5,
    )
    fake = FakeTelegram()
    fake.enforce_rate_limits = True
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
        )
        logs: list[str] = []
        for attempt in range(2):
            process = await _start(env, tmp_path)
            try:
                await fake.wait_for_call("getUpdates", timeout=STARTUP)
                for _ in range(int(STARTUP) * 20):
                    sent = sum(fake.sent_counts().values())
                    done = (await _statuses(session_factory))[NotificationStatus.PENDING.value]
                    if (attempt == 0 and sent >= 60) or (attempt == 1 and done == 0):
                        break
                    await asyncio.sleep(0.05)
            finally:
                if process.returncode is None:
                    process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), timeout=30)
            assert process.stdout is not None
            log = (await process.stdout.read()).decode()
            logs.append(log)
            assert code == 0, log
            assert "Traceback" not in log, log
            assert "cut off" not in log, log
            assert "Stopped" in log
            if attempt == 0:
                at_stop = sum(fake.sent_counts().values())
                assert at_stop < sum(outbox.expected.values()), "the stop was not mid-burst"
                assert await _claimed(session_factory) == 0
    statuses = await _statuses(session_factory)
    assert statuses[NotificationStatus.PENDING.value] == 0, logs[-1]
    assert Counter(fake.sent_counts()) == outbox.expected  # nothing lost, nothing twice
    assert not fake.violations
