"""Importing through the chat: file → preview → «Импортировать» → dates for undated items."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.states import DeadlineDialog, ImportDialog
from storage.models import Item, PlanDocument
from tests.chat import Chat
from tests.conftest import ClusterSeed, CoordinatorCluster

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
def cluster_seed() -> ClusterSeed:
    """The plans below are the machine-building cluster's own."""
    return ClusterSeed(name="Машиностроение", region="", telegram_id=2001)


async def _count(factory: async_sessionmaker[AsyncSession], model: type) -> int:
    async with factory() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


async def test_a_coordinator_imports_a_plan_after_a_preview_and_sets_a_missing_date(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    preview = await chat.send_file(user, "план.txt", PLAN.encode("cp1251"))
    assert "Предпросмотр импорта" in preview.text
    assert "Машиностроение" in preview.text
    assert "01.01.2021 – 31.12.2021" in preview.text
    assert "Найдено 3 пункта в 1 разделе" in preview.text
    assert "1.3 — «по графику проведения ДЭ»" in preview.text
    assert await _count(session_factory, Item) == 0  # a preview stores nothing
    assert await chat.state(user) == ImportDialog.confirming
    assert (await chat.data(user))["import"]["file_name"] == "план.txt"

    done = await chat.press(user, "✅ Импортировать")
    assert "Добавлено пунктов: 3" in done.text
    assert await _count(session_factory, Item) == 3
    assert await chat.state(user) is None

    listing = await chat.press(user, "📅 Указать сроки (1)")
    assert "1.3" in listing.text
    asked = await chat.press(user, "1.3")
    assert "по графику проведения ДЭ" in asked.text
    assert await chat.state(user) == DeadlineDialog.typing

    unreadable = await chat.say(user, "когда-нибудь потом")
    assert "Не удалось понять срок" in unreadable.text
    assert await chat.state(user) == DeadlineDialog.typing  # asked again, not dropped
    dated = await chat.say(user, "до 15.05.2021")
    assert "Срок пункта 1.3 установлен: 15.05.2021" in dated.text
    assert await chat.state(user) is None
    async with session_factory() as session:
        item = (await session.execute(select(Item).where(Item.number == "1.3"))).scalar_one()
        assert [o.due_date for o in item.occurrences] == [date(2021, 5, 15)]


async def test_the_same_file_sent_again_changes_nothing(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    await chat.send_file(user, "plan.txt", PLAN.encode())
    await chat.press(user, "✅ Импортировать")
    again = await chat.send_file(user, "plan-again.txt", PLAN.encode())
    assert "уже импортирован" in again.text
    assert await _count(session_factory, PlanDocument) == 1
    assert await _count(session_factory, Item) == 3


async def test_a_news_article_is_refused_and_nothing_is_stored(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    refused = await chat.send_file(user, "news.txt", NEWS.encode())
    assert "не план работы и не протокол" in refused.text
    assert await _count(session_factory, PlanDocument) == 0
    assert await chat.state(user) is None


REPORT = """Отчет о работе сельского Дома культуры за июль 2021 г.

№ п/п\tДата проведения\tНазвание мероприятия\tКол-во человек
1\t01.07.\tВыставка ко Дню семьи\t30
2\t04.07.\tМолодежная дискотека\t17
3\t11.07.\tВеселые старты\t40
"""


async def test_a_report_of_work_done_is_refused_as_such_and_nothing_is_stored(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    refused = await chat.send_file(user, "отчет.txt", REPORT.encode("cp1251"))
    assert "отчёт о проделанной работе, а не на план" in refused.text
    assert "Ничего не сохранено" in refused.text
    assert await _count(session_factory, PlanDocument) == 0
    assert await chat.state(user) is None


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
async def test_a_broken_file_gets_a_clear_message_and_stores_nothing(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
    name: str,
    content: bytes,
    expected: str,
) -> None:
    answer = await chat.send_file(coordinator_cluster.user, name, content)
    assert expected in answer.text
    assert await _count(session_factory, PlanDocument) == 0
    assert "Traceback" not in answer.text


async def test_someone_who_coordinates_nothing_cannot_import(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = chat.fake.user(2002, "Пётр")
    await chat.say(user, "/start")
    refused = await chat.send_file(user, "plan.txt", PLAN.encode())
    assert "может координатор кластера" in refused.text
    assert await _count(session_factory, PlanDocument) == 0
    assert await chat.state(user) is None


async def test_an_import_button_pressed_after_cancel_says_it_is_stale_and_imports_nothing(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    preview = await chat.send_file(user, "plan.txt", PLAN.encode())
    await chat.say(user, "/cancel")
    assert await chat.state(user) is None
    await chat.press(user, "✅ Импортировать", message=preview)
    assert "неактуально" in chat.toast()
    assert await _count(session_factory, Item) == 0


CORRECTED = PLAN.replace(
    "1.3.\tПроведение демонстрационного экзамена\tРуководители ПОО"
    "\tпо графику проведения ДЭ\tПротокол\t\n",
    "1.3.\tПроведение демонстрационного экзамена\tРуководители ПОО\tиюнь\tПротокол\t\n"
    "1.4.\tОтчёт о работе кластера\tСекретарь КС\tдекабрь\tОтчёт\t\n",
)


async def test_a_corrected_plan_shows_what_changes_and_applies_on_confirmation(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    await chat.send_file(user, "plan.txt", PLAN.encode())
    await chat.press(user, "✅ Импортировать")
    preview = await chat.send_file(user, "plan-v2.txt", CORRECTED.encode())
    assert "новая редакция" in preview.text
    assert "Добавится: 1 пункт" in preview.text
    assert "• 1.4. Отчёт о работе кластера" in preview.text
    assert "• 1.3: срок" in preview.text
    assert "Отчёты исполнителей по всем пунктам сохранятся" in preview.text
    assert await _count(session_factory, Item) == 3
    applied = await chat.press(user, "✅ Импортировать")
    assert "Добавлено пунктов: 1, изменено: 1" in applied.text
    async with session_factory() as session:
        item = (await session.execute(select(Item).where(Item.number == "1.3"))).scalar_one()
        assert [o.due_date for o in item.occurrences] == [date(2021, 6, 30)]
    assert await _count(session_factory, PlanDocument) == 1
