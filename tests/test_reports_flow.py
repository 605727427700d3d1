"""Issue 8, the control loop as people met it: nothing a person typed is lost, stale buttons say
so at once, the coordinator's notice has the card and the files one press away, a second attempt
says so, «📨 Отправить» stays on the dialog's latest message."""

from __future__ import annotations

import copy
import logging
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.assignments import AssignmentService
from handlers.states import ReportDialog
from storage.models import (
    Assignment,
    AssignmentStatus,
    Item,
    ItemStatus,
    Occurrence,
    PlanRole,
    Report,
    ReportKind,
)
from storage.uow import Storage
from tests.chat import Chat
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, seed_plan


@pytest.fixture
async def world(session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram) -> PlanWorld:
    """Two colleges; item 1 is per college («Руководители ПОО»); item 2 is one shared
    assignment of «Рабочая группа», which both college heads hold."""
    world = await seed_plan(session_factory, fake, items=1, colleges=2)
    async with session_factory() as session:
        storage = Storage(session)
        first = await storage.plans.item(world.item_ids[0])
        assert first is not None
        group = PlanRole(
            cluster_id=world.cluster_id,
            name="Рабочая группа",
            key="рабочая группа",
            per_organization=False,
            aliases=[],
        )
        session.add(group)
        for membership in await storage.memberships.active_of_cluster(world.cluster_id):
            if membership.organization_id is not None:
                membership.plan_roles.append(group)
        session.add(
            Item(
                cluster_id=world.cluster_id,
                document_id=first.document_id,
                section_id=first.section_id,
                position=1,
                number="2",
                text="Подготовить общий отчёт рабочей группы",
                executors_text="Рабочая группа",
                deadline_text="до 01.06.2022",
                deadline_kind="date",
                status=ItemStatus.ACTIVE,
                created_at=first.created_at,
                updated_at=first.created_at,
                plan_roles=[group],
                indicators=[],
                occurrences=[
                    Occurrence(seq=1, due_date=date(2022, 6, 1), original_due_date=date(2022, 6, 1))
                ],
            )
        )
        await session.flush()
        await AssignmentService(storage, FixedClock(first.created_at)).sync(world.cluster_id)
        await session.commit()
    return world


async def _reports(factory: async_sessionmaker[AsyncSession]) -> list[Report]:
    async with factory() as session:
        return list((await session.execute(select(Report).order_by(Report.id))).scalars())


async def test_a_second_holder_of_a_shared_item_is_told_before_typing_that_it_was_reported(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    first, second = world.heads
    await chat.say(first, "/done 2 Отчёт отправлен в министерство")
    my = await chat.say(second, "/my")
    assert "Подготовить общий отчёт" not in (my.text or "")  # no longer open for anyone
    card_data = f"asg:done:{await _shared_assignment(session_factory)}"
    pressed = await chat.say(second, "/start")  # any message to press a stale ✅ under
    await chat.feed(chat.fake.press(second, _with_button(pressed, card_data), card_data))
    assert "уже отправлен" in chat.toast()
    assert await chat.state(second) is None  # no dialog opened that would end in a refusal


async def test_what_a_colleague_typed_after_the_shared_item_was_reported_is_kept_as_a_note(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    first, second = world.heads
    shared = await _shared_assignment(session_factory)
    for head in (first, second):
        await chat.say(head, "/my")
        await chat.feed(chat.fake.press(head, chat.last(head), f"asg:done:{shared}"))
        assert await chat.state(head) == ReportDialog.collecting.state
    await chat.say(first, "Отправили отчёт в министерство")
    await chat.press(first, "📨 Отправить")
    await chat.say(second, "Приложил протокол заседания рабочей группы")
    await chat.send_file(second, "протокол.pdf", b"%PDF-1 protocol")
    answer = await chat.press(second, "📨 Отправить")
    assert "сохранены в карточке пункта" in (answer.text or "")
    reports = await _reports(session_factory)
    assert [(r.kind, r.text) for r in reports] == [
        (ReportKind.DONE, "Отправили отчёт в министерство"),
        (ReportKind.PROGRESS, "Приложил протокол заседания рабочей группы"),
    ]
    assert len(reports[1].attachments) == 1
    assert await chat.state(second) is None


async def test_a_done_button_on_an_accepted_or_cancelled_item_says_so_at_once(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    head = world.heads[0]
    my = await chat.say(head, "/my")
    own = await _assignment_of(session_factory, world.item_ids[0], world.heads.index(head))
    async with session_factory() as session:
        assignment = await session.get(Assignment, own)
        assert assignment is not None
        assignment.status = AssignmentStatus.ACCEPTED
        await session.commit()
    await chat.feed(chat.fake.press(head, my, f"asg:done:{own}"))
    assert "уже принят" in chat.toast()
    async with session_factory() as session:
        item = await session.get(Item, world.item_ids[0])
        assert item is not None
        item.status = ItemStatus.CANCELLED
        await session.commit()
    await chat.feed(chat.fake.press(head, my, f"asg:done:{own}"))
    assert "снят с контроля" in chat.toast()
    assert await chat.state(head) is None


async def test_the_send_button_stays_on_the_latest_message_and_no_zero_files_are_counted(
    chat: Chat, world: PlanWorld
) -> None:
    head = world.heads[0]
    await chat.say(head, "/my")
    prompt = await chat.press(head, "✅ 1")
    assert "Фотоотчёт" in (prompt.text or "")  # the expected result, asked by name
    said = await chat.say(head, "Провели встречу со школьниками")
    assert "Файлов: 0" not in (said.text or "")
    assert "Комментарий записан" in (said.text or "")
    filed = await chat.send_file(head, "фото.pdf", b"%PDF-1 photo")
    assert "1 файл и комментарий" in (filed.text or "")
    with_send = [m for m in chat.messages(head) if "📨 Отправить" in str(m.reply_markup)]
    assert [m.message_id for m in with_send] == [filed.message_id]


async def test_the_coordinators_notice_has_the_card_and_the_files_one_press_away(
    chat: Chat, world: PlanWorld
) -> None:
    head, coordinator = world.heads[0], world.coordinator
    await chat.say(head, "/my")
    await chat.press(head, "✅ 1")
    await chat.send_file(head, "фото.pdf", b"%PDF-1 photo", caption="Фотоотчёт прилагаю")
    await chat.press(head, "📨 Отправить")
    notice = chat.last(coordinator)
    assert "Отчёт по пункту 1" in (notice.text or "")
    assert "Колледж № 001" in (notice.text or "")
    assert "Фотоотчёт прилагаю" in (notice.text or "")
    card = await chat.press(coordinator, "📋 Карточка пункта", notice)
    assert "Пункт 1" in (card.text or "")
    files = await chat.press(coordinator, "📎 Файлы отчёта (1)", notice)
    assert files.document is not None


async def test_a_report_sent_again_after_a_return_says_it_is_a_second_attempt(
    chat: Chat, world: PlanWorld
) -> None:
    head, coordinator = world.heads[0], world.coordinator
    await chat.say(head, "/done 1 Провели")
    await chat.press(coordinator, "↩️ Вернуть на доработку")
    await chat.say(coordinator, "Нет фотографий")
    returned = chat.last(head)
    assert "Нет фотографий" in (returned.text or "")
    await chat.press(head, "✅ Выполнено", returned)
    await chat.say(head, "Фотографии приложены")
    await chat.press(head, "📨 Отправить")
    again = chat.last(coordinator)
    assert "Повторный отчёт (попытка 2)" in (again.text or "")
    assert "Нет фотографий" in (again.text or "")


async def test_a_comment_longer_than_a_report_holds_is_refused_and_the_draft_is_kept(
    chat: Chat, world: PlanWorld
) -> None:
    head = world.heads[0]
    await chat.say(head, "/my")
    await chat.press(head, "✅ 1")
    await chat.say(head, "Начало отчёта")
    refused = await chat.say(head, "я" * 4001)
    assert "не добавлено" in (refused.text or "")
    assert (await chat.data(head))["draft"]["text"] == "Начало отчёта"


async def _shared_assignment(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as session:
        rows = await session.execute(
            select(Assignment.id)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .where(Item.number == "2")
        )
        return int(rows.scalar_one())


async def _assignment_of(factory: async_sessionmaker[AsyncSession], item_id: int, n: int) -> int:
    async with factory() as session:
        rows = await session.execute(
            select(Assignment.id)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .where(Occurrence.item_id == item_id)
            .order_by(Assignment.organization_id)
        )
        return int(list(rows.scalars())[n])


def _with_button(message, data):  # type: ignore[no-untyped-def]
    """The same message as the person sees it, with a stale button under it."""
    message.reply_markup = {"inline_keyboard": [[{"text": "✅", "callback_data": data}]]}
    return message


async def test_a_deadline_moved_for_one_college_leaves_the_other_colleges_date(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    first, second = world.heads
    coordinator = world.coordinator
    await chat.say(second, "/my")
    own = await _assignment_of(session_factory, world.item_ids[0], 1)
    await chat.press(second, f"asg:move:{own}")
    await chat.say(second, "до 15.06.2022")
    await chat.say(second, "Ремонт актового зала")
    await chat.press(coordinator, "✅ Согласовать")
    assert "новый срок 15.06.2022" in (chat.last(second).text or "")
    card = await chat.say(coordinator, "/item 1")
    assert "Колледж № 001, срок 01.05.2022" in (card.text or "")
    assert "Колледж № 002, срок 15.06.2022" in (card.text or "")
    mine = await chat.say(first, "/my")
    assert "срок 01.05.2022" in (mine.text or "")
    async with session_factory() as session:
        occurrence = (await session.execute(select(Occurrence))).scalars().first()
        assert occurrence is not None
        assert occurrence.due_date == date(2022, 5, 1)  # the plan's own date is unchanged


async def test_a_comment_cut_in_the_coordinators_notice_is_one_press_away_in_full(
    chat: Chat, world: PlanWorld
) -> None:
    """Issue 9, defect 2: no user text is lost from a message — cut visibly, whole on a press."""
    head, coordinator = world.heads[0], world.coordinator
    comment = " ".join(f"Пункт отчёта {n}: проведена встреча со школьниками." for n in range(70))
    assert len(comment) > 3000
    await chat.say(head, "/my")
    await chat.press(head, "✅ 1")
    await chat.say(head, comment)
    await chat.press(head, "📨 Отправить")
    notice = chat.last(coordinator)
    assert "…" in (notice.text or "")
    assert comment not in (notice.text or "")
    before = len(chat.messages(coordinator))
    await chat.press(coordinator, "📄 Полностью", notice)
    shown = "\n".join(m.text or "" for m in chat.messages(coordinator)[before:])
    assert all(len(m.text or "") <= 4096 for m in chat.messages(coordinator)[before:])
    assert " ".join(shown.split()).count("Пункт отчёта 69:") == 1
    assert all(f"Пункт отчёта {n}:" in shown for n in range(70))


async def test_a_second_tap_on_cancel_changes_nothing_and_is_no_error(
    chat: Chat, world: PlanWorld, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    """A double tap on «Отмена»: the second press reaches the bot after the first has taken the
    buttons away, so Telegram refuses the edit as «message is not modified». The press is only
    answered: no apology, no error in the log."""
    head = world.heads[0]
    await chat.say(head, "/my")
    prompt = await chat.press(head, "✅ 1")
    stale = copy.deepcopy(prompt)  # the message as the phone still shows it
    cancelled = await chat.press(head, "Отмена", prompt)
    assert cancelled.text == "Отчёт не отправлен, черновик удалён."
    sent = len(chat.messages(head))
    answered = len(fake.calls_of("answerCallbackQuery"))

    with caplog.at_level(logging.INFO):
        await chat.feed(fake.press(head, stale, "Отмена"))

    assert len(chat.messages(head)) == sent  # nothing new, no «что-то пошло не так»
    assert len(fake.calls_of("answerCallbackQuery")) == answered + 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # The one refusal is the race itself: the bot cannot know the first tap already took the
    # buttons away, so it is not held against it.
    [refused] = fake.violations
    assert refused.startswith("editMessageReplyMarkup: message is not modified")
    fake.violations.clear()
