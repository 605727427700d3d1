"""Issue 4's journey through the real Dispatcher: invite two college heads, both report on the
same item with a comment and a file, the coordinator returns one and accepts the other."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from datetime import UTC, datetime

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import (
    Assignment,
    AssignmentStatus,
    AuditEntry,
    Cluster,
    MemberRole,
    Membership,
    Person,
    Report,
)
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.fake_telegram import FakeTelegram, FakeUser, StoredMessage

PLAN = (
    "ПЛАН РАБОТЫ КЛАСТЕРА ТРАНСПОРТА НА 2022 ГОД\n\n"
    "№ п/п\tНаименование мероприятия\tИсполнители\tСрок исполнения\tРезультат\n"
    "1.\tПровести дни открытых дверей\tРуководители ПОО\tдо 01.05.2022\tФотоотчет\n"
    "2.\tОбновить паспорт кластера\tСекретарь КС\tмарт\tПаспорт\n"
)
LINK = re.compile(r"https://t\.me/workplan_test_bot\?start=(\S+)")


async def _say(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, user: FakeUser, text: str
) -> StoredMessage:
    await dp.feed_update(bot, fake.send_text(user, text))
    return fake.last_message_to(user.id)


async def _press(
    dp: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    user: FakeUser,
    message: StoredMessage,
    button: str,
) -> StoredMessage:
    await dp.feed_update(bot, fake.press(user, message, button))
    return fake.last_message_to(user.id)


async def _invite_link(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, coordinator: FakeUser, college: str
) -> str:
    roles = await _say(dp, bot, fake, coordinator, "/invite")
    organization = await _press(dp, bot, fake, coordinator, roles, "исполнитель")
    assert "организацию" in organization.text
    plan_roles = await _say(dp, bot, fake, coordinator, college)
    toggled = await _press(dp, bot, fake, coordinator, plan_roles, "Руководители ПОО")
    assert "✅ Руководители ПОО" in str(toggled.reply_markup)
    created = await _press(dp, bot, fake, coordinator, toggled, "Готово")
    match = LINK.search(created.text)
    assert match, created.text
    return match[1]


async def _join(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, user: FakeUser, token: str, name: str
) -> None:
    question = await _say(dp, bot, fake, user, f"/start {token}")
    assert "фамилию, имя и отчество" in question.text
    position = await _say(dp, bot, fake, user, name)
    assert "должность" in position.text
    welcome = await _say(dp, bot, fake, user, "директор")
    assert "Добро пожаловать" in welcome.text


async def _report_done(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, user: FakeUser, comment: str, file: bytes
) -> None:
    my = await _say(dp, bot, fake, user, "/my")
    assert "Провести дни открытых дверей" in my.text
    prompt = await _press(dp, bot, fake, user, my, "✅ 1")
    assert "Фотоотчет" in prompt.text  # the expected result is asked for by name
    await dp.feed_update(bot, fake.send_text(user, comment))
    await dp.feed_update(bot, fake.send_document(user, "отчет.pdf", file))
    collected = fake.last_message_to(user.id)
    assert "Файлов: 1" in collected.text
    sent = await _press(dp, bot, fake, user, prompt, "📨 Отправить")
    assert "Отчёт отправлен координатору" in sent.text


async def _plan_with_a_college_head(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, coordinator: FakeUser, head: FakeUser, name: str
) -> FakeUser:
    """The coordinator imports PLAN and invites one college head, who joins."""
    await dp.feed_update(bot, fake.send_document(coordinator, "план.txt", PLAN.encode()))
    await _press(
        dp, bot, fake, coordinator, fake.last_message_to(coordinator.id), "✅ Импортировать"
    )
    link = await _invite_link(dp, bot, fake, coordinator, "Колледж")
    await _join(dp, bot, fake, head, link, name)
    return head


@pytest.fixture
async def cluster_with_coordinator(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> tuple[FakeUser, int]:
    coordinator = fake.user(3001, "Ольга", "Секретарёва")
    async with session_factory() as session:
        now = datetime(2022, 3, 1, tzinfo=UTC)
        cluster = Cluster(
            name="Кластер транспорта",
            region="Смоленская область",
            timezone="Europe/Moscow",
            created_at=now,
        )
        person = Person(
            telegram_id=coordinator.id,
            full_name="Ольга Секретарёва",
            is_admin=False,
            private_chat_started=True,
            created_at=now,
        )
        session.add_all([cluster, person])
        await session.flush()
        session.add(
            Membership(
                cluster_id=cluster.id,
                person_id=person.id,
                role=MemberRole.COORDINATOR,
                joined_at=now,
                plan_roles=[],
            )
        )
        await session.commit()
        return coordinator, cluster.id


async def test_two_colleges_report_and_the_coordinator_returns_one_and_accepts_the_other(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    dp = dispatcher
    coordinator, _ = cluster_with_coordinator
    await dp.feed_update(bot, fake.send_document(coordinator, "план.txt", PLAN.encode("cp1251")))
    await _press(
        dp, bot, fake, coordinator, fake.last_message_to(coordinator.id), "✅ Импортировать"
    )

    first_link = await _invite_link(
        dp, bot, fake, coordinator, "Смоленский автотранспортный колледж"
    )
    second_link = await _invite_link(dp, bot, fake, coordinator, "Рославльский техникум")
    head_1 = fake.user(3002, "Иван", "Петров")
    head_2 = fake.user(3003, "Мария", "Сидорова")
    await _join(dp, bot, fake, head_1, first_link, "Петров Иван Сергеевич")
    await _join(dp, bot, fake, head_2, second_link, "Сидорова Мария Павловна")

    async with session_factory() as session:
        assignments = (await session.execute(select(Assignment))).scalars().all()
    assert len(assignments) == 2  # item 1 once per college; item 2's «Секретарь КС» has nobody yet

    await _report_done(dp, bot, fake, head_1, "Провели 3 дня открытых дверей", b"%PDF-1 report one")
    await _report_done(dp, bot, fake, head_2, "Провели 2 дня, отчёт прилагаю", b"%PDF-1 report two")

    notices = [m for m in fake.messages_to(coordinator.id) if "Отчёт по пункту 1" in (m.text or "")]
    assert len(notices) == 2
    from_first = next(m for m in notices if "Петров Иван Сергеевич" in m.text)
    from_second = next(m for m in notices if "Сидорова Мария Павловна" in m.text)
    assert "Смоленский автотранспортный колледж" in from_first.text
    assert "Файлов: 1" in from_first.text

    asked = await _press(dp, bot, fake, coordinator, from_first, "↩️ Вернуть на доработку")
    assert "что нужно доработать" in asked.text
    await _say(dp, bot, fake, coordinator, "Нет фотографий с мероприятия")
    await _press(dp, bot, fake, coordinator, from_second, "✅ Принять")

    returned = fake.last_message_to(head_1.id)
    assert "возвращён на доработку" in returned.text
    assert "Нет фотографий с мероприятия" in returned.text
    assert "принят" in fake.last_message_to(head_2.id).text

    card = await _say(dp, bot, fake, coordinator, "/item 1")
    assert "Смоленский автотранспортный колледж" in card.text
    assert "возвращено на доработку" in card.text
    assert "Рославльский техникум" in card.text
    assert "принято" in card.text
    assert "Провели 3 дня открытых дверей" in card.text
    assert "Нет фотографий с мероприятия" in card.text
    files = await _press(dp, bot, fake, coordinator, card, "📎 Прислать файлы (2)")
    sent_files = [c for c in fake.calls_of("sendDocument") if c.params["chat_id"] == coordinator.id]
    assert len(sent_files) == 2
    assert files.document is not None

    plan = await _say(dp, bot, fake, coordinator, "/plan")
    assert "1 из 2 ПОО отчитались" in plan.text or "2 из 2 ПОО отчитались" in plan.text

    history = await _say(dp, bot, fake, coordinator, "/history 1")
    assert "отчёт возвращён на доработку" in history.text
    assert "отчёт принят" in history.text

    # The returned college reports again; its assignment is open for it in /my.
    again = await _say(dp, bot, fake, head_1, "/my")
    assert "возвращено на доработку" in again.text
    # …and a reply to the notice is a done report too.
    await dp.feed_update(
        bot, fake.send_text(head_1, "Доработали, фото добавлены", reply_to=returned)
    )
    assert "Отметил пункт 1" in fake.last_message_to(head_1.id).text
    renewed = [m for m in fake.messages_to(coordinator.id) if "Доработали" in (m.text or "")]
    assert len(renewed) == 1

    async with session_factory() as session:
        statuses = sorted(
            a.status.value for a in (await session.execute(select(Assignment))).scalars()
        )
        reports = (await session.execute(select(func.count()).select_from(Report))).scalar_one()
        audit = (await session.execute(select(func.count()).select_from(AuditEntry))).scalar_one()
    assert statuses == [AssignmentStatus.ACCEPTED.value, AssignmentStatus.SUBMITTED.value]
    assert reports == 3
    assert audit >= 8


async def test_done_by_command_with_a_comment(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    dp = dispatcher
    coordinator, _ = cluster_with_coordinator
    head = await _plan_with_a_college_head(
        dp, bot, fake, coordinator, fake.user(3010, "Пётр", "Кузнецов"), "Кузнецов Пётр"
    )
    usage = await _say(dp, bot, fake, head, "/done")
    assert "/done 2.3" in usage.text
    wrong = await _say(dp, bot, fake, head, "/done 7 что-то")
    assert "нет открытого пункта 7" in wrong.text
    await _say(dp, bot, fake, head, "/done 1. Провели встречу, протокол № 5 от 12.03")
    assert "Отметил пункт 1" in fake.last_message_to(head.id).text
    again = await _say(dp, bot, fake, head, "/done 1 ещё раз")
    assert "нет открытого пункта 1" in again.text
    async with session_factory() as session:
        report = (await session.execute(select(Report))).scalar_one()
    assert report.text == "Провели встречу, протокол № 5 от 12.03"


async def test_two_people_of_one_college_marking_at_once_give_one_report(
    session_factory: async_sessionmaker[AsyncSession],
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    dp = dispatcher
    coordinator, _ = cluster_with_coordinator
    await dp.feed_update(bot, fake.send_document(coordinator, "план.txt", PLAN.encode()))
    await _press(
        dp, bot, fake, coordinator, fake.last_message_to(coordinator.id), "✅ Импортировать"
    )
    roles = await _say(dp, bot, fake, coordinator, "/invite")
    await _press(dp, bot, fake, coordinator, roles, "исполнитель")
    plan_roles = await _say(dp, bot, fake, coordinator, "Колледж связи")
    toggled = await _press(dp, bot, fake, coordinator, plan_roles, "Руководители ПОО")
    # One link for two people of the same college: raise its use limit in the database.
    created = await _press(dp, bot, fake, coordinator, toggled, "Готово")
    token = LINK.search(created.text)[1]  # type: ignore[index]
    async with session_factory() as session:
        from storage.models import Invite

        invite = (await session.execute(select(Invite))).scalars().all()[-1]
        invite.max_uses = 2
        await session.commit()
    first, second = fake.user(3021, "Анна", "Первая"), fake.user(3022, "Борис", "Второй")
    await _join(dp, bot, fake, first, token, "Первая Анна")
    await _join(dp, bot, fake, second, token, "Второй Борис")
    await asyncio.gather(
        dp.feed_update(bot, fake.send_text(first, "/done 1 Сделано Анной")),
        dp.feed_update(bot, fake.send_text(second, "/done 1 Сделано Борисом")),
    )
    async with session_factory() as session:
        reports = (await session.execute(select(Report))).scalars().all()
        assignment = (await session.execute(select(Assignment))).scalar_one()
    assert len(reports) == 1
    assert assignment.status is AssignmentStatus.SUBMITTED
    answers = [fake.last_message_to(first.id).text, fake.last_message_to(second.id).text]
    assert sum("Отметил пункт 1" in a for a in answers) == 1
    assert sum("уже отправлен" in a or "нет открытого пункта" in a for a in answers) == 1


async def test_an_administrator_creates_a_cluster_by_dialog(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await _say(dispatcher, bot, fake, admin, "/start")
    await _say(dispatcher, bot, fake, admin, "/newcluster")
    await _say(dispatcher, bot, fake, admin, "Кластер машиностроения")
    zones = await _say(dispatcher, bot, fake, admin, "Смоленская область")
    done = await _press(dispatcher, bot, fake, admin, zones, "Moscow")
    assert "Кластер «Кластер машиностроения» создан" in done.text
    stranger = fake.user(3099, "Чужой")
    await _say(dispatcher, bot, fake, stranger, "/start")
    refused = await _say(dispatcher, bot, fake, stranger, "/newcluster")
    assert "только администратор" in refused.text
    async with session_factory() as session:
        names = (await session.execute(select(Cluster.name))).scalars().all()
    assert names == ["Кластер машиностроения"]


async def test_a_coordinator_adds_an_item_by_hand_edits_it_and_closes_it(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    dp = dispatcher
    coordinator, _ = cluster_with_coordinator
    head = await _plan_with_a_college_head(
        dp, bot, fake, coordinator, fake.user(3030, "Глеб", "Орлов"), "Орлов Глеб"
    )

    await _say(dp, bot, fake, coordinator, "/additem")
    await _say(dp, bot, fake, coordinator, "Провести родительские собрания")
    await _say(dp, bot, fake, coordinator, "Руководители ПОО")
    unreadable = await _say(dp, bot, fake, coordinator, "когда получится")
    assert "Не удалось понять срок" in unreadable.text
    added = await _say(dp, bot, fake, coordinator, "до 20.05.2022")
    assert "Пункт 3 добавлен" in added.text
    assert "20.05.2022" in added.text
    assert "Провести родительские собрания" in (await _say(dp, bot, fake, head, "/my")).text

    card = await _say(dp, bot, fake, coordinator, "/item 3")
    asked = await _press(dp, bot, fake, coordinator, card, "👥 Исполнители")
    assert "Руководители ПОО" in asked.text
    done = await _say(dp, bot, fake, coordinator, "ЦОПП")
    assert "Руководители ПОО, ЦОПП" in done.text

    card = await _say(dp, bot, fake, coordinator, "/item 3")
    await _press(dp, bot, fake, coordinator, card, "🚫 Снять с контроля")
    closed = await _say(dp, bot, fake, coordinator, "Перенесено в план следующего года")
    assert "снят с контроля" in closed.text
    assert "Провести родительские собрания" not in (await _say(dp, bot, fake, head, "/my")).text
    card = await _say(dp, bot, fake, coordinator, "/item 3")
    assert "Перенесено в план следующего года" in card.text
    history = await _say(dp, bot, fake, coordinator, "/history 3")
    assert "добавлен вручную" in history.text
    assert "снят с контроля координатором" in history.text


async def test_a_dialog_survives_a_restart_of_the_bot(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: object,
    translations: object,
    service_settings: object,
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    from bot.app import create_dispatcher

    def new_dispatcher() -> Dispatcher:
        return create_dispatcher(
            session_factory=session_factory,
            settings=service_settings,  # type: ignore[arg-type]
            translations=translations,  # type: ignore[arg-type]
            clock=clock,  # type: ignore[arg-type]
        )

    coordinator, _ = cluster_with_coordinator
    before = new_dispatcher()
    await _say(before, bot, fake, coordinator, "/additem")
    await _say(before, bot, fake, coordinator, "Провести семинар")
    after = new_dispatcher()  # a new process: nothing kept in memory
    asked = await _say(after, bot, fake, coordinator, "Секретарь КС")
    assert "Какой срок" in asked.text


async def test_someone_who_never_opened_a_chat_is_asked_to_in_the_group(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
    clock: object,
) -> None:
    from bot.services import outbox
    from storage.uow import Storage

    dp = dispatcher
    coordinator, cluster_id = cluster_with_coordinator
    group = fake.group(-100777, "Кластер транспорта", is_forum=True)
    await dp.feed_update(bot, fake.send_text(coordinator, "/bind", chat=group, thread_id=5))
    assert "Группа привязана" in fake.last_message_to(group.id).text
    async with session_factory() as session:
        storage = Storage(session)
        cluster = await storage.clusters.get(cluster_id)
        assert cluster is not None
        assert (cluster.group_chat_id, cluster.group_thread_id) == (group.id, 5)
        silent = Person(
            telegram_id=3050,
            full_name="Тихий <Исполнитель>",
            is_admin=False,
            private_chat_started=False,
            created_at=datetime(2022, 3, 1, tzinfo=UTC),
        )
        session.add(silent)
        await session.flush()
        await outbox.enqueue(
            storage,
            clock,
            dedup_key="test:1",
            chat_id=silent.telegram_id,
            text="Напоминание",  # type: ignore[arg-type]
            kind="reminder",
            person_id=silent.id,
            cluster_id=cluster_id,
        )
        await session.commit()
    fake.inject_fault("sendMessage", status=403)
    # Any update drains the outbox; chatter in the group gets no reply of its own.
    await dp.feed_update(bot, fake.send_text(coordinator, "всем привет", chat=group))
    await dp.feed_update(bot, fake.send_text(coordinator, "ещё раз", chat=group))
    asked = fake.last_message_to(group.id)
    assert "https://t.me/workplan_test_bot" in asked.text
    assert "Тихий &lt;Исполнитель&gt;" in asked.text
    assert asked.thread_id == 5
    await dp.feed_update(bot, fake.send_text(coordinator, "и снова", chat=group))
    assert sum("t.me/workplan_test_bot" in (m.text or "") for m in fake.messages_to(group.id)) == 1


async def test_a_group_that_becomes_a_supergroup_keeps_its_cluster(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    coordinator, cluster_id = cluster_with_coordinator
    group = fake.group(-4001, "Кластер", supergroup=False)
    await dispatcher.feed_update(bot, fake.send_text(coordinator, "/bind", chat=group))
    await dispatcher.feed_update(bot, fake.migrate_group(group, -1004001))
    async with session_factory() as session:
        cluster = await session.get(Cluster, cluster_id)
        assert cluster is not None
        assert cluster.group_chat_id == -1004001


async def test_an_executor_asks_to_move_a_deadline_adds_a_note_and_the_coordinator_decides(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    from storage.models import Occurrence

    dp = dispatcher
    coordinator, _ = cluster_with_coordinator
    head = await _plan_with_a_college_head(
        dp, bot, fake, coordinator, fake.user(3040, "Вера", "Лебедева"), "Лебедева Вера"
    )

    my = await _say(dp, bot, fake, head, "/my")
    card = await _press(dp, bot, fake, head, my, "ℹ️ 1")
    assert "Срок: срок 01.05.2022" in card.text
    prompt = await _press(dp, bot, fake, head, card, "💬 Комментарий")
    empty = await _press(dp, bot, fake, head, prompt, "📨 Отправить")
    assert "ходе" in prompt.text or empty is not None
    assert "Сначала напишите комментарий" in fake.calls_of("answerCallbackQuery")[-1].params["text"]
    await _say(dp, bot, fake, head, "Договорились с тремя школами")
    saved = await _press(dp, bot, fake, head, prompt, "📨 Отправить")
    assert "Комментарий сохранён" in saved.text

    asked = await _press(dp, bot, fake, head, card, "⏰ Перенести срок")
    assert "01.05.2022" in asked.text
    earlier = await _say(dp, bot, fake, head, "до 01.04.2022")
    assert "Новый срок" in earlier.text
    refused = await _say(dp, bot, fake, head, "Мало времени")
    assert "позже текущего" in refused.text
    await _press(dp, bot, fake, head, card, "⏰ Перенести срок")
    await _say(dp, bot, fake, head, "до 01.06.2022")
    sent = await _say(dp, bot, fake, head, "Школы на карантине до мая")
    assert "01.06.2022" in sent.text

    request = next(
        m for m in fake.messages_to(coordinator.id) if "Просьба перенести срок" in (m.text or "")
    )
    assert "Школы на карантине до мая" in request.text
    stale_copy = dataclasses.replace(request, reply_markup=dict(request.reply_markup or {}))
    await _press(dp, bot, fake, coordinator, request, "✅ Согласовать")
    assert "новый срок 01.06.2022" in fake.last_message_to(head.id).text
    await dp.feed_update(bot, fake.press(coordinator, stale_copy, "✅ Согласовать"))
    assert "уже принято" in fake.calls_of("answerCallbackQuery")[-1].params["text"]
    async with session_factory() as session:
        occurrence = (
            (await session.execute(select(Occurrence).order_by(Occurrence.id))).scalars().first()
        )
        assert occurrence is not None
        assert str(occurrence.due_date) == "2022-06-01"
        assert str(occurrence.original_due_date) == "2022-05-01"
    card_text = (await _say(dp, bot, fake, coordinator, "/item 1")).text
    assert "01.06.2022 (было 01.05.2022)" in card_text
    assert "Договорились с тремя школами" in card_text


async def test_the_coordinator_manages_members_and_invites(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    cluster_with_coordinator: tuple[FakeUser, int],
) -> None:
    dp = dispatcher
    coordinator, _ = cluster_with_coordinator
    link = await _invite_link_plain(dp, bot, fake, coordinator)
    spare = await _invite_link_plain(dp, bot, fake, coordinator)
    member = fake.user(3060, "Роман", "Ершов")
    await _say(dp, bot, fake, member, f"/start {link}")
    organization = await _say(dp, bot, fake, member, "Ершов Роман")
    assert "организацию" in organization.text
    await _say(dp, bot, fake, member, "ООО «Завод»")
    skipped = await _press(dp, bot, fake, member, fake.last_message_to(member.id), "Пропустить")
    assert "ООО «Завод»" in skipped.text

    invites = await _say(dp, bot, fake, coordinator, "/invites")
    assert "Действующие приглашения" in invites.text
    await dp.feed_update(bot, fake.press(coordinator, invites, invites.buttons()[0]["text"]))
    assert "отозвано" in fake.calls_of("answerCallbackQuery")[-1].params["text"]
    late = fake.user(3061, "Поздний")
    refused = await _say(dp, bot, fake, late, f"/start {spare}")
    assert "отозвана" in refused.text

    members = await _say(dp, bot, fake, coordinator, "/members")
    assert "Ершов Роман" in members.text
    menu = await _press(dp, bot, fake, coordinator, members, "⚙️ Ершов Роман")
    changed = await _press(dp, bot, fake, coordinator, menu, "наблюдатель")
    assert "наблюдатель" in changed.text
    menu = await _press(dp, bot, fake, coordinator, members, "⚙️ Ершов Роман")
    removed = await _press(dp, bot, fake, coordinator, menu, "Исключить")
    assert "исключён" in removed.text
    assert "не состоите" in (await _say(dp, bot, fake, member, "/plan")).text


async def _invite_link_plain(
    dp: Dispatcher, bot: Bot, fake: FakeTelegram, coordinator: FakeUser
) -> str:
    roles = await _say(dp, bot, fake, coordinator, "/invite")
    organization = await _press(dp, bot, fake, coordinator, roles, "исполнитель")
    created = await _press(dp, bot, fake, coordinator, organization, "Без организации")
    match = LINK.search(created.text)
    assert match, created.text
    return match[1]
