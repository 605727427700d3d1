"""The control loop in a real `workplan run` process: notices go out from the background sender.

A college head reports over real HTTP; the coordinator's notice is delivered after the update
by the sender task the process runs, and the decision comes back to the head the same way.
"""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fake_telegram import FakeTelegram, FakeTelegramServer, FakeUser, StoredMessage
from tests.plan_world import seed_plan
from tests.test_process import STARTUP, WORKPLAN, _environment

pytestmark = [pytest.mark.process, pytest.mark.timeout(300)]


async def _arrives(fake: FakeTelegram, user: FakeUser, words: str) -> StoredMessage:
    for _ in range(200):
        for message in reversed(fake.messages_to(user.id)):
            if words in (message.text or ""):
                return message
        await asyncio.sleep(0.1)
    texts = [m.text for m in fake.messages_to(user.id)]
    raise AssertionError(f"nothing with «{words}» reached {user.id}: {texts}")


async def test_a_report_and_its_decision_travel_through_the_background_sender(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fake = FakeTelegram()
    world = await seed_plan(session_factory, fake, items=1, colleges=1)
    head, coordinator = world.heads[0], world.coordinator
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
        )
        process = await asyncio.create_subprocess_exec(
            WORKPLAN,
            "run",
            env=env,
            cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            fake.send_text(head, "/done 1 Провели встречу со школьниками")
            await _arrives(fake, head, "Отметил пункт 1")
            notice = await _arrives(fake, coordinator, "Отчёт по пункту 1")
            assert "Провели встречу со школьниками" in (notice.text or "")
            assert "Колледж № 001" in (notice.text or "")
            fake.press(coordinator, notice, "✅ Принять")
            await _arrives(fake, coordinator, "принят")
            accepted = await _arrives(fake, head, "принят. Спасибо")
            assert "Провести мероприятие № 1" in (accepted.text or "")
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), timeout=20)
        assert process.stdout is not None
        log = (await process.stdout.read()).decode()
    assert code == 0, log
    assert "Traceback" not in log
