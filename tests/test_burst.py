"""Issue 9, defect 1: a burst of people at once loses nothing and never freezes the bot.

Dialog state used to open a second database connection while the update's own was held, so 16
people pressing «💬» at once exhausted the pool; with 50 people 36 of 50 reports were lost. Now
each update holds one connection; these bursts run on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.states import ReportDialog
from storage.models import Assignment, AssignmentStatus, Report, ReportKind
from tests.chat import Chat
from tests.fake_telegram import FakeTelegram, FakeUser
from tests.plan_world import seed_plan

PEOPLE = 50  # two updates of each person at once: 100 concurrent updates per step


async def _at_once(chat: Chat, heads: list[FakeUser], step: object) -> None:
    await asyncio.gather(*(step(head) for head in heads))  # type: ignore[operator]


async def test_fifty_people_report_at_once_and_every_report_and_file_is_stored(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    world = await seed_plan(session_factory, fake, items=2, colleges=PEOPLE)
    heads = world.heads
    # 100 updates at once: everyone's /my and /plan.
    await _at_once(
        chat,
        heads,
        lambda head: asyncio.gather(chat.say(head, "/my"), chat.say(head, "/plan")),
    )
    menus = {
        head.id: next(m for m in chat.messages(head) if "Ваши пункты" in (m.text or ""))
        for head in heads
    }
    # 100 updates at once: each person presses ✅ 1 twice (a quick double press).
    await _at_once(
        chat,
        heads,
        lambda head: asyncio.gather(
            chat.feed(fake.press(head, menus[head.id], "✅ 1")),
            chat.feed(fake.press(head, menus[head.id], "✅ 1")),
        ),
    )
    for head in heads:
        assert await chat.state(head) == ReportDialog.collecting.state
    # 100 updates at once: each person's comment and file arrive together (an album does).
    await _at_once(
        chat,
        heads,
        lambda head: asyncio.gather(
            chat.say(head, f"Отчёт колледжа {head.id}"),
            chat.send_file(head, "фото.pdf", b"%PDF-1 photo"),
        ),
    )
    await _at_once(chat, heads, lambda head: chat.press(head, "📨 Отправить"))

    async with session_factory() as session:
        reports = (await session.execute(select(Report))).scalars().all()
        submitted = (
            await session.execute(
                select(func.count())
                .select_from(Assignment)
                .where(Assignment.status == AssignmentStatus.SUBMITTED)
            )
        ).scalar_one()
    assert len(reports) == PEOPLE
    assert {r.text for r in reports} == {f"Отчёт колледжа {head.id}" for head in heads}
    assert all(len(r.attachments) == 1 for r in reports), "a file sent with the comment was lost"
    assert all(r.kind is ReportKind.DONE for r in reports)
    assert submitted == PEOPLE
    for head in heads:
        assert "Отчёт отправлен координатору" in (chat.last(head).text or "")
    apologies = [
        m for head in heads for m in chat.messages(head) if "что-то пошло не так" in (m.text or "")
    ]
    assert apologies == []
