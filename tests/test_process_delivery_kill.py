"""`kill -9` of a real `workplan run` in the middle of a burst: nothing is lost, and only the
rows in flight at the crash (at most MAX_IN_FLIGHT) are sent again after the restart."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.telegram.sender import MAX_IN_FLIGHT
from storage.models import Notification, NotificationStatus
from tests.fake_telegram import FakeTelegram, FakeTelegramServer
from tests.test_delivery import seed_outbox
from tests.test_process import STARTUP, WORKPLAN, _environment

pytestmark = [pytest.mark.process, pytest.mark.timeout(300)]


async def _pending(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as session:
        query = select(func.count()).where(Notification.status == NotificationStatus.PENDING)
        return int((await session.execute(query)).scalar_one())


async def _start(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        WORKPLAN,
        "run",
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def test_a_killed_sender_loses_nothing_and_repeats_at_most_its_in_flight_rows(
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
    assert 90 <= len(outbox.expected) <= 100
    fake = FakeTelegram()
    fake.enforce_rate_limits = True  # Telegram's own limits, which the process keeps to
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
        )
        first = await _start(env, tmp_path)
        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            for _ in range(int(STARTUP) * 20):
                sent = sum(fake.sent_counts().values())
                if sent >= 60:
                    break
                await asyncio.sleep(0.05)
            first.send_signal(signal.SIGKILL)
            await asyncio.wait_for(first.wait(), timeout=20)
        finally:
            if first.returncode is None:
                first.kill()
        at_crash = sum(fake.sent_counts().values())
        assert 0 < at_crash < sum(outbox.expected.values()), "the kill was not mid-burst"
        assert await _pending(session_factory) > 0

        second = await _start(env, tmp_path)
        try:
            for _ in range(240 * 4):  # rows claimed by the dead process wait out their claim
                if await _pending(session_factory) == 0:
                    break
                await asyncio.sleep(0.25)
            assert await _pending(session_factory) == 0
        finally:
            if second.returncode is None:
                second.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(second.wait(), timeout=30)
        assert second.stdout is not None
        log = (await second.stdout.read()).decode()
    assert code == 0, log
    assert "Traceback" not in log
    received = Counter(fake.sent_counts())
    expected = outbox.expected
    lost = {chat: n - received[chat] for chat, n in expected.items() if received[chat] < n}
    assert lost == {}, f"messages lost: {lost}"
    doubled = {chat: received[chat] - n for chat, n in expected.items() if received[chat] > n}
    assert set(received) == set(outbox.expected)
    assert sum(doubled.values()) <= MAX_IN_FLIGHT, f"{sum(doubled.values())} repeated: {doubled}"
    assert not fake.violations
