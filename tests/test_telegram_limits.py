"""Issue 9: what people type at full Telegram length still reaches the other side within
Telegram's limits (the fake Bot API fails a test that sends more than 4,096 characters)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.chat import Chat
from tests.fake_telegram import FakeTelegram
from tests.plan_world import seed_plan

LONGEST_MESSAGE = 4096  # a person can type this much in one message


def _words(total: int, word: str = "причина ") -> str:
    return (word * (total // len(word) + 1))[:total].strip()


async def test_a_return_reason_of_a_full_message_reaches_the_author_cut_visibly(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    world = await seed_plan(session_factory, fake, items=1, colleges=1)
    head, coordinator = world.heads[0], world.coordinator
    await chat.say(head, "/done 1 Провели")
    await chat.press(coordinator, "↩️ Вернуть на доработку")
    reason = _words(LONGEST_MESSAGE)
    await chat.say(coordinator, reason)
    returned = next(m for m in chat.messages(head) if "на доработку" in (m.text or ""))
    assert reason[:500] in (returned.text or "")
    assert "…" in (returned.text or "")


async def test_an_extension_reason_of_a_full_message_reaches_the_coordinator_cut_visibly(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    world = await seed_plan(session_factory, fake, items=1, colleges=1)
    head, coordinator = world.heads[0], world.coordinator
    my = await chat.say(head, "/my")
    await chat.press(head, "⏰", my)
    await chat.say(head, "до 01.12.2030")
    reason = _words(LONGEST_MESSAGE)
    await chat.say(head, reason)
    request = next(
        m for m in chat.messages(coordinator) if "Просьба перенести срок" in (m.text or "")
    )
    assert reason[:500] in (request.text or "")
    assert "…" in (request.text or "")
