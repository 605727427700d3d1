"""Importing through the chat: file → preview → «Импортировать» → dates for undated items."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Cluster, Item, MemberRole, Membership, Person, PlanDocument
from tests.fake_telegram import FakeTelegram

NOW = datetime(2021, 2, 1, 9, 0, tzinfo=UTC)
PLAN = """УТВЕРЖДАЮ
Председатель Координационного совета
С.С. Никольский

ПЛАН РАБОТЫ МАШИНОСТРОИТЕЛЬНОГО КЛАСТЕРА НА 2021 ГОД

№ п/п\tНаименование мероприятия\tИсполнители\tСрок исполнения\tРезультат\tОтметка о выполнении
<b>1. Организация работы</b>\t\t\t\t\t
1.1.\tРазработка и утверждение плана работы кластера\tСекретарь КС\tЯнварь\tПлан\tвыполнено
1.2.\tАктуализация паспорта кластера\tРуководители ПОО\tФевраль-апрель\tПаспорт\t
1.3.\tПроведение демонстрационного экзамена\tРуководители ПОО\tпо графику проведения ДЭ\tПротокол\t
"""
NEWS = (
    "В Нижнем Новгороде проходит экспертная сессия с участниками кластеров Профессионалитета. "
    "Организаторы собрали представителей 70 кластеров из 42 регионов страны.\n" * 5
)


def _zip_bomb() -> bytes:
    """A DOCX-looking archive whose document part inflates 1000-fold (5 MB of zeros)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (5 * 1024 * 1024))
    return buffer.getvalue()


@pytest.fixture
async def coordinator(
    fake: FakeTelegram, session_factory: async_sessionmaker[AsyncSession]
) -> tuple[object, int]:
    user = fake.user(2001, "Ольга", "Секретарёва")
    async with session_factory() as session:
        cluster = Cluster(
            name="Машиностроение", region="", timezone="Europe/Moscow", created_at=NOW
        )
        person = Person(
            telegram_id=user.id,
            full_name="Ольга Секретарёва",
            is_admin=False,
            private_chat_started=True,
            created_at=NOW,
        )
        session.add_all([cluster, person])
        await session.flush()
        session.add(
            Membership(
                cluster_id=cluster.id,
                person_id=person.id,
                role=MemberRole.COORDINATOR,
                joined_at=NOW,
            )
        )
        await session.commit()
        return user, cluster.id


async def _count(factory: async_sessionmaker[AsyncSession], model: type) -> int:
    async with factory() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_a_coordinator_imports_a_plan_after_a_preview_and_sets_a_missing_date(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    coordinator: tuple[object, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user, _ = coordinator
    await dispatcher.feed_update(bot, fake.send_document(user, "план.txt", PLAN.encode("cp1251")))
    preview = fake.last_message_to(user.id)
    assert "Предпросмотр импорта" in preview.text
    assert "Машиностроение" in preview.text
    assert "01.01.2021 – 31.12.2021" in preview.text
    assert "Найдено 3 пункта в 1 разделе" in preview.text
    assert "1.3 — «по графику проведения ДЭ»" in preview.text
    assert await _count(session_factory, Item) == 0  # a preview stores nothing

    await dispatcher.feed_update(bot, fake.press(user, preview, "✅ Импортировать"))
    done = fake.last_message_to(user.id)
    assert "Добавлено пунктов: 3" in done.text
    assert await _count(session_factory, Item) == 3

    await dispatcher.feed_update(bot, fake.press(user, done, "📅 Указать сроки (1)"))
    listing = fake.last_message_to(user.id)
    assert "1.3" in listing.text
    await dispatcher.feed_update(bot, fake.press(user, listing, "1.3"))
    assert "по графику проведения ДЭ" in fake.last_message_to(user.id).text

    await dispatcher.feed_update(bot, fake.send_text(user, "когда-нибудь потом"))
    assert "Не удалось понять срок" in fake.last_message_to(user.id).text
    await dispatcher.feed_update(bot, fake.send_text(user, "до 15.05.2021"))
    assert "Срок пункта 1.3 установлен: 15.05.2021" in fake.last_message_to(user.id).text
    async with session_factory() as session:
        item = (await session.execute(select(Item).where(Item.number == "1.3"))).scalar_one()
        assert [o.due_date for o in item.occurrences] == [date(2021, 5, 15)]


async def test_the_same_file_sent_again_changes_nothing(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    coordinator: tuple[object, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user, _ = coordinator
    await dispatcher.feed_update(bot, fake.send_document(user, "plan.txt", PLAN.encode()))
    await dispatcher.feed_update(
        bot, fake.press(user, fake.last_message_to(user.id), "✅ Импортировать")
    )
    await dispatcher.feed_update(bot, fake.send_document(user, "plan-again.txt", PLAN.encode()))
    assert "уже импортирован" in fake.last_message_to(user.id).text
    assert await _count(session_factory, PlanDocument) == 1
    assert await _count(session_factory, Item) == 3


async def test_a_news_article_is_refused_and_nothing_is_stored(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    coordinator: tuple[object, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user, _ = coordinator
    await dispatcher.feed_update(bot, fake.send_document(user, "news.txt", NEWS.encode()))
    assert "не план работы и не протокол" in fake.last_message_to(user.id).text
    assert await _count(session_factory, PlanDocument) == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.docx", b"", "Файл пустой"),
        ("junk.docx", bytes(range(256)) * 40, "не поддерживается"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "старого формата Word"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 100, "повреждён"),
        ("bomb.docx", _zip_bomb(), "слишком много сжатых данных"),
        (
            "huge.txt",
            b"\xd0\x9f\xd0\xbb\xd0\xb0\xd0\xbd " * (20 * 1024 * 1024 // 9),
            "слишком большой",
        ),
        ("plan.docx", PLAN.encode(), "Предпросмотр импорта"),
    ],
    ids=["empty", "junk", "old-doc", "truncated-zip", "zip-bomb", "20-mb-text", "wrong-extension"],
)
async def test_broken_files_get_a_clear_message_and_store_nothing(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    coordinator: tuple[object, int],
    session_factory: async_sessionmaker[AsyncSession],
    name: str,
    content: bytes,
    expected: str,
) -> None:
    user, _ = coordinator
    await dispatcher.feed_update(bot, fake.send_document(user, name, content))
    assert expected in fake.last_message_to(user.id).text
    assert await _count(session_factory, PlanDocument) == 0
    assert "Traceback" not in fake.last_message_to(user.id).text


async def test_someone_who_coordinates_nothing_cannot_import(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = fake.user(2002, "Пётр")
    await dispatcher.feed_update(bot, fake.send_text(user, "/start"))
    await dispatcher.feed_update(bot, fake.send_document(user, "plan.txt", PLAN.encode()))
    assert "может координатор кластера" in fake.last_message_to(user.id).text
    assert await _count(session_factory, PlanDocument) == 0


async def test_a_stale_import_button_answers_politely(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    coordinator: tuple[object, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user, _ = coordinator
    await dispatcher.feed_update(bot, fake.send_document(user, "plan.txt", PLAN.encode()))
    preview = fake.last_message_to(user.id)
    await dispatcher.feed_update(bot, fake.send_text(user, "/cancel"))
    await dispatcher.feed_update(bot, fake.press(user, preview, "✅ Импортировать"))
    answer = fake.calls_of("answerCallbackQuery")[-1]
    assert "неактуально" in answer.params["text"]
    assert await _count(session_factory, Item) == 0


CORRECTED = PLAN.replace(
    "1.3.\tПроведение демонстрационного экзамена\tРуководители ПОО"
    "\tпо графику проведения ДЭ\tПротокол\t\n",
    "1.3.\tПроведение демонстрационного экзамена\tРуководители ПОО\tиюнь\tПротокол\t\n"
    "1.4.\tОтчёт о работе кластера\tСекретарь КС\tдекабрь\tОтчёт\t\n",
)


async def test_a_corrected_plan_shows_what_changes_and_applies_on_confirmation(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    coordinator: tuple[object, int],
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user, _ = coordinator
    await dispatcher.feed_update(bot, fake.send_document(user, "plan.txt", PLAN.encode()))
    await dispatcher.feed_update(
        bot, fake.press(user, fake.last_message_to(user.id), "✅ Импортировать")
    )
    await dispatcher.feed_update(bot, fake.send_document(user, "plan-v2.txt", CORRECTED.encode()))
    preview = fake.last_message_to(user.id)
    assert "новая редакция" in preview.text
    assert "Добавится: 1 пункт" in preview.text
    assert "• 1.4. Отчёт о работе кластера" in preview.text
    assert "• 1.3: срок" in preview.text
    assert "Отчёты исполнителей по всем пунктам сохранятся" in preview.text
    assert await _count(session_factory, Item) == 3
    await dispatcher.feed_update(bot, fake.press(user, preview, "✅ Импортировать"))
    assert "Добавлено пунктов: 1, изменено: 1" in fake.last_message_to(user.id).text
    async with session_factory() as session:
        item = (await session.execute(select(Item).where(Item.number == "1.3"))).scalar_one()
        assert [o.due_date for o in item.occurrences] == [date(2021, 6, 30)]
    assert await _count(session_factory, PlanDocument) == 1
