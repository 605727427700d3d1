"""Issue 4's journey through the real Dispatcher: invite two college heads, both report on the
same item with a comment and a file, the coordinator returns one and accepts the other."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from datetime import UTC, datetime

from aiogram import Bot, Dispatcher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.notices import Notice, NoticeKind
from bot.services import notices
from handlers.states import (
    AddItemDialog,
    CloseDialog,
    ExecutorsDialog,
    ExtensionDialog,
    InviteDialog,
    JoinDialog,
    ReportDialog,
    ReturnDialog,
)
from storage.models import (
    Assignment,
    AssignmentStatus,
    AuditEntry,
    Cluster,
    Invite,
    Occurrence,
    Person,
    Report,
    ReportKind,
)
from storage.uow import Storage
from tests.chat import Chat
from tests.conftest import ADMIN_TELEGRAM_ID, CoordinatorCluster
from tests.fake_telegram import FakeTelegram, FakeUser
from tests.fakes import FixedClock

PLAN = (
    "ПЛАН РАБОТЫ КЛАСТЕРА ТРАНСПОРТА НА 2022 ГОД\n\n"
    "№ п/п\tНаименование мероприятия\tИсполнители\tСрок исполнения\tРезультат\n"
    "1.\tПровести дни открытых дверей\tРуководители ПОО\tдо 01.05.2022\tФотоотчет\n"
    "2.\tОбновить паспорт кластера\tСекретарь КС\tмарт\tПаспорт\n"
)
LINK = re.compile(r"https://t\.me/workplan_test_bot\?start=(\S+)")


async def _import_plan(chat: Chat, coordinator: FakeUser, encoding: str = "utf-8") -> None:
    await chat.send_file(coordinator, "план.txt", PLAN.encode(encoding))
    await chat.press(coordinator, "✅ Импортировать")


async def _invite_link(chat: Chat, coordinator: FakeUser, college: str) -> str:
    await chat.say(coordinator, "/invite")
    organization = await chat.press(coordinator, "исполнитель")
    assert "организацию" in organization.text
    assert await chat.state(coordinator) == InviteDialog.organization
    await chat.say(coordinator, college)
    assert await chat.state(coordinator) == InviteDialog.plan_roles
    toggled = await chat.press(coordinator, "Руководители ПОО")
    assert "✅ Руководители ПОО" in str(toggled.reply_markup)
    created = await chat.press(coordinator, "Готово")
    assert await chat.state(coordinator) is None
    match = LINK.search(created.text)
    assert match, created.text
    return match[1]


async def _invite_link_without_an_organization(chat: Chat, coordinator: FakeUser) -> str:
    await chat.say(coordinator, "/invite")
    await chat.press(coordinator, "исполнитель")
    created = await chat.press(coordinator, "Без организации")
    match = LINK.search(created.text)
    assert match, created.text
    return match[1]


async def _join(chat: Chat, user: FakeUser, token: str, name: str) -> None:
    question = await chat.say(user, f"/start {token}")
    assert "фамилию, имя и отчество" in question.text
    assert await chat.state(user) == JoinDialog.full_name
    position = await chat.say(user, name)
    assert "должность" in position.text
    assert await chat.state(user) == JoinDialog.position
    welcome = await chat.say(user, "директор")
    assert "Добро пожаловать" in welcome.text
    assert await chat.state(user) is None


async def _report_done(chat: Chat, user: FakeUser, comment: str, file: bytes) -> None:
    my = await chat.say(user, "/my")
    assert "Провести дни открытых дверей" in my.text
    prompt = await chat.press(user, "✅ 1")
    assert "Фотоотчет" in prompt.text  # the expected result is asked for by name
    assert await chat.state(user) == ReportDialog.collecting
    await chat.say(user, comment)
    collected = await chat.send_file(user, "отчет.pdf", file)
    assert "1 файл и комментарий" in collected.text
    assert await chat.state(user) == ReportDialog.collecting
    assert _with_send_button(chat, user) == [collected.message_id]  # on the latest message only
    sent = await chat.press(user, "📨 Отправить")
    assert "Отчёт отправлен координатору" in sent.text
    assert await chat.state(user) is None


def _with_send_button(chat: Chat, user: FakeUser) -> list[int]:
    """The messages to ``user`` that carry «📨 Отправить» now."""
    return [
        m.message_id
        for m in chat.messages(user)
        if any(b.get("text") == "📨 Отправить" for b in m.buttons())
    ]


async def _plan_with_a_college_head(
    chat: Chat, coordinator: FakeUser, head: FakeUser, name: str
) -> FakeUser:
    """The coordinator imports PLAN and invites one college head, who joins."""
    await _import_plan(chat, coordinator)
    link = await _invite_link(chat, coordinator, "Колледж")
    await _join(chat, head, link, name)
    return head


async def test_two_colleges_report_and_the_coordinator_returns_one_and_accepts_the_other(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    coordinator_cluster: CoordinatorCluster,
) -> None:
    coordinator = coordinator_cluster.user
    await _import_plan(chat, coordinator, "cp1251")

    first_link = await _invite_link(chat, coordinator, "Смоленский автотранспортный колледж")
    second_link = await _invite_link(chat, coordinator, "Рославльский техникум")
    head_1 = chat.fake.user(3002, "Иван", "Петров")
    head_2 = chat.fake.user(3003, "Мария", "Сидорова")
    await _join(chat, head_1, first_link, "Петров Иван Сергеевич")
    await _join(chat, head_2, second_link, "Сидорова Мария Павловна")

    async with session_factory() as session:
        assignments = (await session.execute(select(Assignment))).scalars().all()
    assert len(assignments) == 2  # item 1 once per college; item 2's «Секретарь КС» has nobody yet

    await _report_done(chat, head_1, "Провели 3 дня открытых дверей", b"%PDF-1 report one")
    await _report_done(chat, head_2, "Провели 2 дня, отчёт прилагаю", b"%PDF-1 report two")

    notices = [m for m in chat.messages(coordinator) if "Отчёт по пункту 1" in (m.text or "")]
    assert len(notices) == 2
    from_first = next(m for m in notices if "Петров Иван Сергеевич" in m.text)
    from_second = next(m for m in notices if "Сидорова Мария Павловна" in m.text)
    assert "Смоленский автотранспортный колледж" in from_first.text
    assert "Приложен 1 файл" in from_first.text

    asked = await chat.press(coordinator, "↩️ Вернуть на доработку", message=from_first)
    assert "что нужно доработать" in asked.text
    assert await chat.state(coordinator) == ReturnDialog.reason
    await chat.say(coordinator, "Нет фотографий с мероприятия")
    assert await chat.state(coordinator) is None
    await chat.press(coordinator, "✅ Принять", message=from_second)

    returned = chat.last(head_1)
    assert "возвращён на доработку" in returned.text
    assert "Нет фотографий с мероприятия" in returned.text
    assert "принят" in chat.last(head_2).text

    card = await chat.say(coordinator, "/item 1")
    assert "Смоленский автотранспортный колледж" in card.text
    assert "возвращено на доработку" in card.text
    assert "Рославльский техникум" in card.text
    assert "принято" in card.text
    assert "Провели 3 дня открытых дверей" in card.text
    assert "Нет фотографий с мероприятия" in card.text
    files = await chat.press(coordinator, "📎 Прислать файлы (2)")
    sent_files = [
        c for c in chat.fake.calls_of("sendDocument") if c.params["chat_id"] == coordinator.id
    ]
    assert len(sent_files) == 2
    assert files.document is not None

    plan = await chat.say(coordinator, "/plan")
    assert "1 из 2 ПОО отчитались" in plan.text or "2 из 2 ПОО отчитались" in plan.text

    history = await chat.say(coordinator, "/history 1")
    assert "отчёт возвращён на доработку" in history.text
    assert "отчёт принят" in history.text

    # The returned college reports again; its assignment is open for it in /my.
    again = await chat.say(head_1, "/my")
    assert "возвращено на доработку" in again.text
    # …and a reply to the notice is a done report too.
    marked = await chat.say(head_1, "Доработали, фото добавлены", reply_to=returned)
    assert "Отметил пункт 1" in marked.text
    renewed = [m for m in chat.messages(coordinator) if "Доработали" in (m.text or "")]
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


async def test_an_executor_marks_an_item_done_by_command_with_a_comment_and_only_once(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    coordinator_cluster: CoordinatorCluster,
) -> None:
    head = await _plan_with_a_college_head(
        chat, coordinator_cluster.user, chat.fake.user(3010, "Пётр", "Кузнецов"), "Кузнецов Пётр"
    )
    usage = await chat.say(head, "/done")
    assert "/done 2.3" in usage.text
    wrong = await chat.say(head, "/done 7 что-то")
    assert "нет открытого пункта 7" in wrong.text
    done = await chat.say(head, "/done 1. Провели встречу, протокол № 5 от 12.03")
    assert "Отметил пункт 1" in done.text
    again = await chat.say(head, "/done 1 ещё раз")
    assert "нет открытого пункта 1" in again.text
    async with session_factory() as session:
        report = (await session.execute(select(Report))).scalar_one()
    assert report.text == "Провели встречу, протокол № 5 от 12.03"


async def test_two_people_of_one_college_marking_at_once_give_one_report(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    coordinator_cluster: CoordinatorCluster,
) -> None:
    coordinator = coordinator_cluster.user
    await _import_plan(chat, coordinator)
    await chat.say(coordinator, "/invite")
    await chat.press(coordinator, "исполнитель")
    await chat.say(coordinator, "Колледж связи")
    await chat.press(coordinator, "Руководители ПОО")
    # One link for two people of the same college: raise its use limit in the database.
    created = await chat.press(coordinator, "Готово")
    token = LINK.search(created.text)[1]  # type: ignore[index]
    async with session_factory() as session:
        invite = (await session.execute(select(Invite))).scalars().all()[-1]
        invite.max_uses = 2
        await session.commit()
    first, second = chat.fake.user(3021, "Анна", "Первая"), chat.fake.user(3022, "Борис", "Второй")
    await _join(chat, first, token, "Первая Анна")
    await _join(chat, second, token, "Второй Борис")
    await asyncio.gather(
        chat.say(first, "/done 1 Сделано Анной"),
        chat.say(second, "/done 1 Сделано Борисом"),
    )
    async with session_factory() as session:
        reports = (await session.execute(select(Report))).scalars().all()
        assignment = (await session.execute(select(Assignment))).scalar_one()
    # One done report; the other person's words are kept as a note, never thrown away
    # (issue 8), unless the first had already closed the item before the second looked it up.
    assert [r.kind for r in reports].count(ReportKind.DONE) == 1
    assert len(reports) - 1 == sum(r.kind is ReportKind.PROGRESS for r in reports)
    assert assignment.status is AssignmentStatus.SUBMITTED
    answers = [chat.last(first).text, chat.last(second).text]
    assert sum("Отметил пункт 1" in a for a in answers) == 1
    kept = sum("сохранены в карточке пункта" in a for a in answers)
    assert kept + sum("нет открытого пункта" in a for a in answers) == 1
    assert kept == len(reports) - 1


async def test_an_administrator_creates_a_cluster_by_dialog_and_no_one_else_may(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = chat.fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await chat.say(admin, "/start")
    await chat.say(admin, "/newcluster")
    await chat.say(admin, "Кластер машиностроения")
    await chat.say(admin, "Смоленская область")
    done = await chat.press(admin, "Москва (МСК)")
    assert "Кластер «Кластер машиностроения» создан" in done.text
    assert await chat.state(admin) is None
    stranger = chat.fake.user(3099, "Чужой")
    await chat.say(stranger, "/start")
    refused = await chat.say(stranger, "/newcluster")
    assert "только администратор" in refused.text
    assert await chat.state(stranger) is None
    async with session_factory() as session:
        names = (await session.execute(select(Cluster.name))).scalars().all()
    assert names == ["Кластер машиностроения"]


async def test_a_coordinator_adds_an_item_by_hand_edits_it_and_closes_it(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
) -> None:
    coordinator = coordinator_cluster.user
    head = await _plan_with_a_college_head(
        chat, coordinator, chat.fake.user(3030, "Глеб", "Орлов"), "Орлов Глеб"
    )

    await chat.say(coordinator, "/additem")
    assert await chat.state(coordinator) == AddItemDialog.text
    await chat.say(coordinator, "Провести родительские собрания")
    assert await chat.state(coordinator) == AddItemDialog.executors
    await chat.say(coordinator, "Руководители ПОО")
    assert await chat.state(coordinator) == AddItemDialog.deadline
    unreadable = await chat.say(coordinator, "когда получится")
    assert "Не удалось понять срок" in unreadable.text
    assert await chat.state(coordinator) == AddItemDialog.deadline  # asked again
    added = await chat.say(coordinator, "до 20.05.2022")
    assert "Пункт 3 добавлен" in added.text
    assert "20.05.2022" in added.text
    assert await chat.state(coordinator) is None
    assert "Провести родительские собрания" in (await chat.say(head, "/my")).text

    await chat.say(coordinator, "/item 3")
    asked = await chat.press(coordinator, "👥 Исполнители")
    assert "Руководители ПОО" in asked.text
    assert await chat.state(coordinator) == ExecutorsDialog.typing
    done = await chat.say(coordinator, "ЦОПП")
    assert "Руководители ПОО, ЦОПП" in done.text
    assert await chat.state(coordinator) is None

    await chat.say(coordinator, "/item 3")
    await chat.press(coordinator, "🚫 Снять с контроля")
    assert await chat.state(coordinator) == CloseDialog.reason
    closed = await chat.say(coordinator, "Перенесено в план следующего года")
    assert "снят с контроля" in closed.text
    assert await chat.state(coordinator) is None
    assert "Провести родительские собрания" not in (await chat.say(head, "/my")).text
    card = await chat.say(coordinator, "/item 3")
    assert "Перенесено в план следующего года" in card.text
    history = await chat.say(coordinator, "/history 3")
    assert "добавлен вручную" in history.text
    assert "снят с контроля координатором" in history.text


async def test_a_dialog_survives_a_restart_of_the_bot(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: object,
    translations: object,
    service_settings: object,
    coordinator_cluster: CoordinatorCluster,
) -> None:
    from bot.app import create_dispatcher

    def new_dispatcher() -> Dispatcher:
        return create_dispatcher(
            session_factory=session_factory,
            settings=service_settings,  # type: ignore[arg-type]
            translations=translations,  # type: ignore[arg-type]
            clock=clock,  # type: ignore[arg-type]
        )

    coordinator = coordinator_cluster.user
    before = Chat(new_dispatcher(), bot, fake)
    await before.say(coordinator, "/additem")
    await before.say(coordinator, "Провести семинар")
    after = Chat(new_dispatcher(), bot, fake)  # a new process: nothing kept in memory
    assert await after.state(coordinator) == AddItemDialog.executors
    asked = await after.say(coordinator, "Секретарь КС")
    assert "Какой срок" in asked.text
    assert await after.state(coordinator) == AddItemDialog.deadline


async def test_someone_the_bot_cannot_write_to_is_asked_once_in_the_group_to_open_a_chat(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    coordinator_cluster: CoordinatorCluster,
    clock: FixedClock,
) -> None:
    coordinator, cluster_id = coordinator_cluster.user, coordinator_cluster.cluster_id
    group = chat.fake.group(-100777, "Кластер транспорта", is_forum=True)
    bound = await chat.say(coordinator, "/bind", chat=group, thread_id=5)
    assert "Группа привязана" in bound.text
    head = await _plan_with_a_college_head(
        chat, coordinator, chat.fake.user(3051, "Олег", "Громов"), "Громов Олег"
    )
    await chat.say(head, "/done 1 Провели")
    async with session_factory() as session:
        storage = Storage(session)
        cluster = await storage.clusters.get(cluster_id)
        assert cluster is not None
        assert (cluster.group_chat_id, cluster.group_thread_id) == (group.id, 5)
        report = (await session.execute(select(Report))).scalar_one()
        silent = Person(
            telegram_id=3050,
            full_name="Тихий <Исполнитель>",
            is_admin=False,
            private_chat_started=False,
            created_at=datetime(2022, 3, 1, tzinfo=UTC),
        )
        session.add(silent)
        await session.flush()
        # A notice for someone who never opened a chat with the bot: Telegram refuses it.
        await notices.record(
            storage,
            clock,
            Notice(
                kind=NoticeKind.REPORT_ACCEPTED,
                dedup_key="test:1",
                person_id=silent.id,
                cluster_id=cluster_id,
                payload={"report_id": report.id},
            ),
        )
        await session.commit()
    chat.fake.inject_fault("sendMessage", status=403)
    # Any update drains the outbox; chatter in the group gets no reply of its own.
    await chat.say(coordinator, "всем привет", chat=group)
    asked = await chat.say(coordinator, "ещё раз", chat=group)
    assert "https://t.me/workplan_test_bot" in asked.text
    assert "Тихий &lt;Исполнитель&gt;" in asked.text
    assert asked.thread_id == 5
    await chat.say(coordinator, "и снова", chat=group)
    assert sum("t.me/workplan_test_bot" in (m.text or "") for m in chat.messages(group.id)) == 1


async def test_a_group_that_becomes_a_supergroup_keeps_its_cluster(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    coordinator_cluster: CoordinatorCluster,
) -> None:
    group = chat.fake.group(-4001, "Кластер", supergroup=False)
    await chat.say(coordinator_cluster.user, "/bind", chat=group)
    await chat.feed(chat.fake.migrate_group(group, -1004001))
    async with session_factory() as session:
        cluster = await session.get(Cluster, coordinator_cluster.cluster_id)
        assert cluster is not None
        assert cluster.group_chat_id == -1004001


async def test_an_executor_asks_to_move_a_deadline_adds_a_note_and_the_coordinator_decides(
    chat: Chat,
    session_factory: async_sessionmaker[AsyncSession],
    coordinator_cluster: CoordinatorCluster,
) -> None:
    coordinator = coordinator_cluster.user
    head = await _plan_with_a_college_head(
        chat, coordinator, chat.fake.user(3040, "Вера", "Лебедева"), "Лебедева Вера"
    )

    await chat.say(head, "/my")
    card = await chat.press(head, "ℹ️")  # item 1's card: the head's only item in /my
    assert "Срок 01.05.2022" in card.text
    assert "Срок: срок" not in card.text  # a word said once
    prompt = await chat.press(head, "💬 Комментарий", message=card)
    assert await chat.state(head) == ReportDialog.collecting
    await chat.press(head, "📨 Отправить", message=prompt)
    assert "Сначала напишите комментарий" in chat.toast()
    assert await chat.state(head) == ReportDialog.collecting  # nothing to send: still asked
    await chat.say(head, "Договорились с тремя школами")
    assert _with_send_button(chat, head) == [chat.last(head).message_id]
    saved = await chat.press(head, "📨 Отправить")
    assert "Комментарий сохранён" in saved.text
    assert await chat.state(head) is None

    asked = await chat.press(head, "⏰ Перенести срок", message=card)
    assert "01.05.2022" in asked.text
    assert await chat.state(head) == ExtensionDialog.new_date
    # An earlier date is refused before the reason is typed, and the date is asked again.
    refused = await chat.say(head, "до 01.04.2022")
    assert "позже текущего" in refused.text
    assert await chat.state(head) == ExtensionDialog.new_date
    later = await chat.say(head, "до 01.06.2022")
    assert "Новый срок" in later.text
    assert await chat.state(head) == ExtensionDialog.reason
    sent = await chat.say(head, "Школы на карантине до мая")
    assert "01.06.2022" in sent.text
    assert await chat.state(head) is None

    request = next(
        m for m in chat.messages(coordinator) if "Просьба перенести срок" in (m.text or "")
    )
    assert "Школы на карантине до мая" in request.text
    stale_copy = dataclasses.replace(request, reply_markup=dict(request.reply_markup or {}))
    await chat.press(coordinator, "✅ Согласовать", message=request)
    assert "новый срок 01.06.2022" in chat.last(head).text
    await chat.press(coordinator, "✅ Согласовать", message=stale_copy)
    assert "уже принято" in chat.toast()
    async with session_factory() as session:
        occurrence = (
            (await session.execute(select(Occurrence).order_by(Occurrence.id))).scalars().first()
        )
        assert occurrence is not None
        assignment = (await session.execute(select(Assignment))).scalars().first()
        assert assignment is not None
        # Moved for this college alone: the plan's own date stays (issue 8, the journey replay).
        assert str(assignment.due_date) == "2022-06-01"
        assert str(occurrence.due_date) == "2022-05-01"
    card_text = (await chat.say(coordinator, "/item 1")).text
    assert "срок 01.06.2022 (было 01.05.2022)" in card_text
    assert "Договорились с тремя школами" in card_text


async def test_the_coordinator_manages_members_and_invites(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
) -> None:
    coordinator = coordinator_cluster.user
    link = await _invite_link_without_an_organization(chat, coordinator)
    spare = await _invite_link_without_an_organization(chat, coordinator)
    member = chat.fake.user(3060, "Роман", "Ершов")
    await chat.say(member, f"/start {link}")
    organization = await chat.say(member, "Ершов Роман")
    assert "организацию" in organization.text
    assert await chat.state(member) == JoinDialog.organization
    await chat.say(member, "ООО «Завод»")
    skipped = await chat.press(member, "Пропустить")
    assert "ООО «Завод»" in skipped.text
    assert await chat.state(member) is None

    invites = await chat.say(coordinator, "/invites")
    assert "Действующие приглашения" in invites.text
    await chat.press(coordinator, invites.buttons()[0]["text"], message=invites)
    assert "отозвано" in chat.toast()
    late = chat.fake.user(3061, "Поздний")
    refused = await chat.say(late, f"/start {spare}")
    assert "отозвана" in refused.text
    assert await chat.state(late) is None

    members = await chat.say(coordinator, "/members")
    assert "Ершов Роман" in members.text
    await chat.press(coordinator, "⚙️ Ершов Роман", message=members)
    changed = await chat.press(coordinator, "наблюдатель")
    assert "наблюдатель" in changed.text
    await chat.press(coordinator, "⚙️ Ершов Роман", message=members)
    removed = await chat.press(coordinator, "Исключить")
    assert "исключён" in removed.text
    assert "не состоите" in (await chat.say(member, "/plan")).text
