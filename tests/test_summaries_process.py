"""The weekly summary in a real `workplan run`: its clock (a file) moved to Monday 09:05 in
Tomsk, a sweep every second — the post arrives once in the group's topic, its chart first,
and not again after a restart."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fake_telegram import FakeTelegram, FakeTelegramServer
from tests.test_process import STARTUP, _environment, _run_cli
from tests.test_process_reminders import _start, _stop
from tests.test_summaries import GOLDEN, PNG_SIGNATURE, _at, _bind, summary_world

pytestmark = [pytest.mark.process, pytest.mark.timeout(300)]

MONDAY = date(2022, 5, 16)
THREAD = 42


async def _wait_for_posts(fake: FakeTelegram, chat_id: int, want: int) -> None:
    for _ in range(300):
        if (
            len(
                [
                    c
                    for c in fake.calls_of("sendPhoto")
                    if str(c.params.get("chat_id")) == str(chat_id)
                ]
            )
            >= want
        ):
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(2.5)  # two more sweeps: nothing else may come


async def test_the_monday_post_arrives_once_in_the_group_topic_with_its_chart_also_after_a_restart(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fake = FakeTelegram()
    world = await summary_world(session_factory, fake)
    group = fake.group(-100321, "Совет кластера транспорта", is_forum=True)
    await _bind(session_factory, world.cluster_id, group.id, THREAD)
    clock_file = tmp_path / "clock.txt"
    clock_file.write_text(_at(MONDAY, 8, 55).isoformat(), encoding="utf-8")
    logs: list[str] = []
    async with FakeTelegramServer(fake) as server:
        env = _environment(
            WORKPLAN_TELEGRAM__TOKEN=fake.token,
            WORKPLAN_TELEGRAM__API_URL=server.url,
            WORKPLAN_TELEGRAM__POLLING_TIMEOUT="1",
            WORKPLAN_DATABASE__URL=database_url,
            WORKPLAN_CLOCK_FILE=str(clock_file),
            WORKPLAN_REMINDERS__SWEEP_SECONDS="1",
        )
        process = await _start(env, tmp_path)
        try:
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            await asyncio.sleep(2.5)
            assert fake.calls_of("sendPhoto") == []  # 08:55: not yet
            clock_file.write_text(_at(MONDAY, 9, 5).isoformat(), encoding="utf-8")
            await _wait_for_posts(fake, group.id, 1)
            logs.append(await _stop(process))
            process = await _start(env, tmp_path)
            await fake.wait_for_call("getUpdates", timeout=STARTUP)
            clock_file.write_text(_at(MONDAY, 9, 40).isoformat(), encoding="utf-8")
            await _wait_for_posts(fake, group.id, 2)
        finally:
            logs.append(await _stop(process))
    for log in logs:
        assert "Traceback" not in log, log
    photos = [
        c for c in fake.calls_of("sendPhoto") if str(c.params.get("chat_id")) == str(group.id)
    ]
    assert len(photos) == 1
    assert str(photos[0].params.get("message_thread_id")) == str(THREAD)
    ((_name, content),) = photos[0].files.values()
    assert content.startswith(PNG_SIGNATURE)
    posts = [m for m in fake.messages_to(group.id) if "Итоги недели" in (m.text or "")]
    assert len(posts) == 1
    assert posts[0].thread_id is not None
    assert int(posts[0].thread_id) == THREAD
    assert "Неделя 16.05.2022–22.05.2022" in (posts[0].text or "")
    # The chart came first, then the text, both in the topic.
    group_messages = fake.messages_to(group.id)
    assert group_messages.index(posts[0]) == 1


async def test_workplan_summary_prints_the_golden_json_and_text_and_refuses_an_unknown_cluster(
    tmp_path: Path, database_url: str, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    fake = FakeTelegram()
    await summary_world(session_factory, fake)
    env = _environment(WORKPLAN_DATABASE__URL=database_url)
    args = ("summary", "--cluster", "Кластер транспорта", "--date", "2022-05-04")
    code, out, err = await _run_cli(*args, "--format", "json", env=env, cwd=tmp_path)
    assert code == 0, err
    golden = (GOLDEN / "summary.json").read_text(encoding="utf-8")
    assert json.loads(out) == json.loads(golden)
    code, out, err = await _run_cli(*args, env=env, cwd=tmp_path)
    assert code == 0, err
    assert out.splitlines()[0] == "📰 Итоги недели · Кластер транспорта"  # plain text, no tags
    assert "<b>" not in out
    assert "Просрочено сейчас: 6 поручений." in out
    code, _out, err = await _run_cli("summary", "--cluster", "Нет такого", env=env, cwd=tmp_path)
    assert code != 0
    assert "Кластера «Нет такого» нет в базе." in err
    code, _out, err = await _run_cli(
        "summary", "--cluster", "Кластер транспорта", "--date", "04.05.2022", env=env, cwd=tmp_path
    )
    assert code != 0
    assert "не распознана" in err
