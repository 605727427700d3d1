"""Issue 9, defects 2, 9 and 10: long texts are cut visibly or split cleanly, never dropped."""

from __future__ import annotations

from html.parser import HTMLParser

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Report
from tests.chat import Chat
from tests.fake_telegram import FakeTelegram
from tests.plan_world import seed_plan


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()


def _balanced(text: str) -> bool:
    parser = _Balance()
    parser.feed(text)
    parser.close()
    return not parser.open


async def test_an_item_card_of_many_colleges_is_split_and_drops_none(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Regression, issue 9 defect 10: the card was cut at 4,000 raw characters, mid-tag, with
    colleges silently dropped (22 college reports showed 6)."""
    world = await seed_plan(session_factory, fake, items=1, colleges=22, reports=True)
    async with session_factory() as session:
        for report in (await session.execute(select(Report))).scalars():
            report.text = "Провели встречу со школьниками, фото и протокол прилагаем. " * 10
        await session.commit()
    before = len(chat.messages(world.coordinator))
    await chat.say(world.coordinator, "/item 1")
    parts = chat.messages(world.coordinator)[before:]
    assert len(parts) > 1
    for part in parts:
        assert len(part.text or "") <= 4096
        assert _balanced(part.text or "")
    shown = "\n".join(p.text or "" for p in parts)
    for number in range(1, 23):
        assert f"Колледж № {number:03d}" in shown
    assert parts[-1].buttons(), "the card's buttons are under its last part"
    assert all(not p.buttons() for p in parts[:-1])


async def test_members_of_a_large_cluster_are_listed_page_by_page(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Regression, issue 9 defect 9: /members of 45 members was over 4,096 characters and the
    coordinator got only the apology."""
    world = await seed_plan(session_factory, fake, items=1, colleges=45)
    page = await chat.say(world.coordinator, "/members")
    seen: set[str] = set()
    for _ in range(10):
        text = page.text or ""
        assert len(text) <= 4096
        assert "что-то пошло не так" not in text
        seen.update(f"№ {n:03d}" for n in range(1, 46) if f"Колледжа № {n:03d}" in text)
        if not any(b.get("text") == "▶️" for b in page.buttons()):
            break
        page = await chat.press(world.coordinator, "▶️", page)
    assert "Страница 5 из 5" in (page.text or "")
    assert len(seen) == 45


async def test_a_refusal_repeating_a_long_argument_cuts_it_visibly(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Regression, issue 9 defect 2: `/item` with a long argument answered nothing (the refusal
    repeating it was over Telegram's limit)."""
    world = await seed_plan(session_factory, fake, items=1, colleges=1)
    answer = await chat.say(world.coordinator, "/item " + "1.2.3 " * 1000)
    assert "не найден" in (answer.text or "")
    assert "…" in (answer.text or "")
    assert len(answer.text or "") < 300


async def test_an_import_preview_naming_120_organizations_arrives_with_its_buttons(
    chat: Chat, fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Regression, issue 9 defect 2: a preview naming 120 organizations was over Telegram's
    limit and never arrived."""
    world = await seed_plan(session_factory, fake, items=0, colleges=0)
    rows = "\n".join(
        f"{n}.\tПровести встречу № {n}\tАО «Предприятие-партнёр кластера номер {n:03d}»"
        f"\tдо 01.05.2022\tПротокол"
        for n in range(1, 121)
    )
    plan = (
        "ПЛАН РАБОТЫ КЛАСТЕРА ТРАНСПОРТА НА 2022 ГОД\n\n"
        "№ п/п\tНаименование мероприятия\tИсполнители\tСрок исполнения\tРезультат\n" + rows
    )
    before = len(chat.messages(world.coordinator))
    await chat.send_file(world.coordinator, "план.txt", plan.encode())
    parts = chat.messages(world.coordinator)[before:]
    assert parts, "the preview never arrived"
    assert all(len(p.text or "") <= 4096 for p in parts)
    shown = "\n".join(p.text or "" for p in parts)
    assert "Предпросмотр" in shown
    assert "и ещё 90" in shown
    assert any(b.get("text", "").startswith("✅") for b in parts[-1].buttons())
