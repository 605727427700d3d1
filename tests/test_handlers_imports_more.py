"""Importing through the chat (issue 8): a plan of another cluster, what to do next, the upload
limit, a coordinator of two clusters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.registry import ServiceSettings
from handlers.states import ImportDialog
from storage.models import Cluster, Item, MemberRole, Membership, PlanDocument
from tests.chat import Chat
from tests.conftest import ADMIN_TELEGRAM_ID, ClusterSeed, CoordinatorCluster
from tests.fake_telegram import FakeTelegram

TRANSPORT_PLAN = (
    "План работы образовательно-отраслевого кластера транспорта на 2021 – 2022 учебный год\n"
    """
№ п/п\tНаименование мероприятия\tИсполнители\tСрок исполнения\tРезультат
1.\tЗаседание координационного совета\tСекретарь КС\tсентябрь 2021\tПротокол
2.\tДни открытых дверей\tРуководители ПОО\tпо графику\tОтчёт
"""
)
FARMING = "Кластер сельского хозяйства"
UPLOAD_LIMIT = 4096


@pytest.fixture
def service_settings() -> ServiceSettings:
    return ServiceSettings(admin_ids=(ADMIN_TELEGRAM_ID,), max_upload_bytes=UPLOAD_LIMIT)


async def _count(factory: async_sessionmaker[AsyncSession], model: type) -> int:
    async with factory() as session:
        return (await session.execute(select(func.count()).select_from(model))).scalar_one()


@pytest.mark.parametrize("cluster_seed", [ClusterSeed(name=FARMING)])
async def test_a_plan_naming_another_cluster_is_imported_only_after_an_explicit_confirmation(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    user = coordinator_cluster.user
    preview = await chat.send_file(user, "план.txt", TRANSPORT_PLAN.encode())
    assert "план другого кластера: в заголовке — «кластера транспорта»" in (preview.text or "")
    assert f"импорт идёт в «{FARMING}»" in (preview.text or "")
    labels = [b["text"] for b in preview.buttons()]
    assert labels == [f"Всё равно импортировать в «{FARMING}»", "Отмена"]
    assert await _count(session_factory, Item) == 0

    done = await chat.press(user, "Всё равно импортировать")
    assert "Добавлено пунктов: 2" in (done.text or "")
    assert await _count(session_factory, Item) == 2


async def test_a_plan_of_its_own_cluster_is_imported_without_a_warning(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    # The seeded cluster is «Кластер транспорта»: the plan's title names it.
    preview = await chat.send_file(coordinator_cluster.user, "план.txt", TRANSPORT_PLAN.encode())
    assert "другого кластера" not in (preview.text or "")
    assert [b["text"] for b in preview.buttons()] == ["✅ Импортировать", "Отмена"]


async def test_the_import_result_says_what_to_do_next_and_the_toast_repeats_nothing(
    chat: Chat, coordinator_cluster: CoordinatorCluster, fake: FakeTelegram
) -> None:
    user = coordinator_cluster.user
    await chat.send_file(user, "план.txt", TRANSPORT_PLAN.encode())
    done = await chat.press(user, "✅ Импортировать")
    assert "Что дальше" in (done.text or "")
    assert "/invite" in (done.text or "")  # nobody has joined the cluster yet
    assert "у 1 пункта нет даты срока" in (done.text or "")
    assert "не сможет о нём напомнить" in (done.text or "")  # one item: «о нём», not «о них»
    assert "/bind" in (done.text or "")  # the cluster's group is not bound
    assert [b["text"] for b in done.buttons()] == ["📅 Указать сроки (1)"]
    assert chat.toast() == ""
    undated = await chat.press(user, "📅 Указать сроки (1)")
    assert "Дни открытых дверей" in (undated.text or "")
    assert [b["text"] for b in undated.buttons()] == ["2"]
    assert fake.calls_of("getFile")


async def test_a_file_over_the_upload_limit_is_refused_before_it_is_downloaded(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    big = TRANSPORT_PLAN.encode() * (UPLOAD_LIMIT // len(TRANSPORT_PLAN.encode()) + 1)
    answer = await chat.send_file(coordinator_cluster.user, "план.txt", big)
    assert "Файл слишком большой" in (answer.text or "")
    assert not fake.calls_of("getFile")
    assert await chat.state(coordinator_cluster.user) is None
    assert await _count(session_factory, PlanDocument) == 0


async def _coordinate_farming_too(
    session_factory: async_sessionmaker[AsyncSession], person_id: int
) -> None:
    async with session_factory() as session:
        farming = Cluster(
            name=FARMING, region="", timezone="Europe/Moscow", created_at=datetime.now(UTC)
        )
        session.add(farming)
        await session.flush()
        session.add(
            Membership(
                cluster_id=farming.id,
                person_id=person_id,
                role=MemberRole.COORDINATOR,
                joined_at=datetime.now(UTC),
            )
        )
        await session.commit()


async def test_a_coordinator_of_two_clusters_chooses_where_the_plan_goes(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _coordinate_farming_too(session_factory, coordinator_cluster.person_id)
    user = coordinator_cluster.user
    question = await chat.send_file(user, "план.txt", TRANSPORT_PLAN.encode())
    assert "В какой кластер" in (question.text or "")
    assert sorted(b["text"] for b in question.buttons()) == sorted(["Кластер транспорта", FARMING])
    assert await chat.state(user) == ImportDialog.choosing_cluster.state

    preview = await chat.press(user, FARMING, question)
    assert "план другого кластера" in (preview.text or "")
    assert await chat.state(user) == ImportDialog.confirming.state
    assert (await chat.data(user))["import"]["despite_title"] is True


async def test_a_document_from_someone_who_never_pressed_start_is_refused_politely(
    chat: Chat, fake: FakeTelegram
) -> None:
    stranger = fake.user(5555, "Пётр")
    answer = await chat.send_file(stranger, "план.txt", TRANSPORT_PLAN.encode())
    assert "Сначала отправьте мне /start" in (answer.text or "")
    assert not fake.calls_of("getFile")


async def test_a_broken_file_refused_after_choosing_the_cluster_is_the_one_answer_to_the_press(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await _coordinate_farming_too(session_factory, coordinator_cluster.person_id)
    user = coordinator_cluster.user
    await chat.send_file(user, "plan.docx", b"PK\x03\x04" + b"\0" * 100)
    answered = len(fake.calls_of("answerCallbackQuery"))
    await chat.press(user, FARMING)
    answers = fake.calls_of("answerCallbackQuery")[answered:]
    assert len(answers) == 1  # a press is answered once: the refusal, not an empty toast first
    assert "повреждён" in str(answers[0].params.get("text"))
    # A refused step leaves the dialog where it was: another cluster may still be chosen.
    assert await chat.state(user) == ImportDialog.choosing_cluster.state


BLOCK_PLAN = (
    "План работы образовательного кластера на 2024 год\n\n"
    "№ п/п\tНаименование мероприятия\tСрок исполнения\tИсполнители\n"
    "Общие мероприятия\t\t\t\n"
    "1\tАнализ потребности предприятий в кадрах\tянварь-февраль\tРуководители ПОО\n"
    "2\tФормирование заявок на целевое обучение\t\t\n"
    "3\tЗаключение договоров о целевом обучении\t\tРаботодатели\n"
    "4\t\tмарт\tСекретарь КС\n"
)


async def test_the_preview_names_the_rows_that_took_a_cell_from_above_or_a_sections_title(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    """Issue 12: a text table has no merged cells, so a date written once for a block is
    carried down, and a dated row without text takes its section's title; the coordinator
    reads which rows, before importing."""
    preview = await chat.send_file(coordinator_cluster.user, "план.txt", BLOCK_PLAN.encode())
    text = preview.text or ""
    assert "Найдено 4 пункта" in text
    assert (
        "В пунктах 2, 3 срок или исполнители не указаны — взял их из строки выше, как в "
        "объединённой ячейке. Проверьте их после импорта."
    ) in text
    assert (
        "Пункт 4: текст мероприятия не указан — записал название раздела «Общие мероприятия». "
        "Уточните его после импорта."
    ) in text
    assert [b["text"] for b in preview.buttons()] == ["✅ Импортировать", "Отмена"]
