"""Reminders in a real `workplan run`, its clock moved through a week of the plan (a file clock):
each college head gets one digest on each right morning in Tomsk, none on the May holidays,
none twice after a restart; the coordinator hears of the late item once."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fake_telegram import FakeTelegram, FakeTelegramServer, FakeUser
from tests.plan_world import seed_plan
from tests.test_process import STARTUP, WORKPLAN, _environment
from tests.test_reminders import _add_item

pytestmark = [pytest.mark.process, pytest.mark.timeout(300)]

TOMSK = ZoneInfo("Asia/Tomsk")
# Thursday 28.04.2022 to Wednesday 04.05.2022: 30.04–03.05 are days off (May holidays).
WEEK = [date(2022, 4, 28) + timedelta(days=n) for n in range(7)]
EXPECTED_HEAD_DAYS = {date(2022, 4, 28), date(2022, 4, 29), date(2022, 5, 4)}


def _digests(fake: FakeTelegram, user: FakeUser, title: str) -> list[str]:
    return [m.text or "" for m in fake.messages_to(user.id) if title in (m.text or "")]


async def _start(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        WORKPLAN,
        "run",
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


async def _stop(process: asyncio.subprocess.Process) -> str:
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(process.wait(), timeout=30)
    assert process.stdout is not None
    return (await process.stdout.read()).decode()


async def _settle(fake: FakeTelegram, users: list[FakeUser], title: str, want: int) -> None:
    """Wait until the users hold ``want`` digests in all, then a few more sweeps for extras."""
    for _ in range(300):
        if sum(len(_digests(fake, u, title)) for u in users) >= want:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(2.5)  # two more sweeps: nothing else may come


async def test_a_week_of_reminders_in_a_real_process_one_digest_a_right_morning_and_none_twice(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fake = FakeTelegram()
    world = await seed_plan(session_factory, fake, items=0, colleges=2, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "1.1", [date(2022, 4, 28)])
    await _add_item(session_factory, world, "1.2", [date(2022, 5, 5)])
    heads = world.heads
    clock_file = tmp_path / "clock.txt"

    def move_to(day: date) -> None:
        moment = datetime.combine(day, datetime.min.time(), tzinfo=TOMSK) + timedelta(
            hours=9, minutes=5
        )
        clock_file.write_text(moment.astimezone(UTC).isoformat(), encoding="utf-8")

    move_to(WEEK[0])
    title = "Напоминание о сроках"
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
            WORKPLAN_CLOCK_FILE=str(clock_file),
            WORKPLAN_REMINDERS__SWEEP_SECONDS="1",
        )
        logs = []
        process = await _start(env, tmp_path)
        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            expected = 0
            for day in WEEK:
                move_to(day)
                if day in EXPECTED_HEAD_DAYS:
                    expected += len(heads)
                await _settle(fake, heads, title, expected)
                if day == date(2022, 4, 29):
                    # A restart in the middle of the morning: nothing is sent again.
                    logs.append(await _stop(process))
                    process = await _start(env, tmp_path)
                    await fake.wait_for_call("getUpdates", timeout=STARTUP)
                    await _settle(fake, heads, title, expected)
        finally:
            logs.append(await _stop(process))
    for log in logs:
        assert "Traceback" not in log, log
    for head in heads:
        texts = _digests(fake, head, title)
        # The day a digest is for closes its first line: «… · Кластер транспорта, 28.04.2022».
        days = [
            day
            for text in texts
            for day in WEEK
            if text.splitlines()[0].endswith(day.strftime("%d.%m.%Y"))
        ]
        assert sorted(days) == sorted(EXPECTED_HEAD_DAYS), texts
    coordinator_digests = _digests(fake, world.coordinator, "Сводка для координатора")
    # 1.1 was due 28.04: three days later is Sunday 01.05, so the coordinators hear on the
    # first working day after, Wednesday 04.05 — once.
    assert len(coordinator_digests) == 1
    assert coordinator_digests[0].splitlines()[0].endswith("04.05.2022")
    assert "Колледж № 001" in coordinator_digests[0]
    assert "Колледж № 002" in coordinator_digests[0]
