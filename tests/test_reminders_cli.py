"""`workplan reminders preview`: what would go out on a day, to whom and why — the JSON contract
and the plain text, from a real process."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.fake_telegram import FakeTelegram
from tests.plan_world import seed_plan
from tests.test_process import _environment, _run_cli
from tests.test_reminders import _add_item

pytestmark = pytest.mark.process


async def test_the_preview_lists_each_persons_digest_with_its_local_time_and_reasons(
    tmp_path: Path,
    database_url: str,
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=2, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "1.1", [date(2022, 4, 1)])
    await _add_item(session_factory, world, "1.2", [date(2022, 4, 4)])
    await _add_item(session_factory, world, "1.3", [], kind="unscheduled")
    env = _environment(WORKPLAN_DATABASE__URL=database_url)
    code, out, err = await _run_cli(
        "reminders", "preview", "--date", "2022-03-28", "--format", "json", env=env, cwd=tmp_path
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["date"] == "2022-03-28"
    messages = data["messages"]
    heads = [m for m in messages if m["kind"] == "digest"]
    coordinators = [m for m in messages if m["kind"] == "coordinator_digest"]
    assert len(heads) == 2
    assert len(coordinators) == 1
    first = heads[0]
    assert set(first) >= {"cluster", "person", "telegram_id", "send_at", "kind", "items"}
    assert first["cluster"] == "Кластер транспорта"
    assert first["send_at"] == "2022-03-28T09:00:00+07:00"  # 09:00 in Tomsk
    assert isinstance(first["telegram_id"], int)
    # Monday 28.03: 1.1 (Friday 01.04) is 4 days away — its 3-day reminder (29.03) is not
    # today; 1.2 (Monday 04.04) is 7 days away.
    assert first["items"] == [
        {
            "number": "1.2",
            "due": "2022-04-04",
            "reason": "before",
            "days": 7,
            "organization": first["items"][0]["organization"],
            "assignment_id": first["items"][0]["assignment_id"],
        }
    ]
    assert {(i["number"], i["reason"], i["due"], i["days"]) for i in coordinators[0]["items"]} == {
        ("1.3", "undated", None, 0)
    }

    code, out, err = await _run_cli(
        "reminders", "preview", "--date", "2022-03-28", env=env, cwd=tmp_path
    )
    assert code == 0, err
    assert "28.03.2022: 3 сообщения." in out
    assert "в 09:00 (Asia/Tomsk)" in out
    assert "Скоро срок" in out
    assert "<b>" not in out

    code, out, err = await _run_cli(
        "reminders", "preview", "--date", "2022-03-27", env=env, cwd=tmp_path
    )
    assert code == 0, err
    assert "напоминаний нет" in out  # a Sunday


async def test_the_preview_refuses_a_wrong_date_and_an_unknown_cluster_in_one_line(
    tmp_path: Path,
    database_url: str,
    session_factory: async_sessionmaker[AsyncSession],
    fake: FakeTelegram,
) -> None:
    await seed_plan(session_factory, fake, items=1, colleges=1)
    env = _environment(WORKPLAN_DATABASE__URL=database_url)
    code, _out, err = await _run_cli(
        "reminders", "preview", "--date", "28.03.2022", env=env, cwd=tmp_path
    )
    assert code == 2
    assert err.strip() == "Дата «28.03.2022» не распознана. Укажите её так: 2022-03-28."
    code, _out, err = await _run_cli(
        "reminders",
        "preview",
        "--date",
        "2022-03-28",
        "--cluster",
        "Нет такого",
        env=env,
        cwd=tmp_path,
    )
    assert code == 2
    assert err.strip() == "Кластера «Нет такого» нет в базе."
