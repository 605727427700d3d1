"""Delivery and the sender: limits and faults, claims, rendering at send time, no waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from aiogram import Bot
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import create_dispatcher
from bot.domain.drafts import DraftKind, ReportDraft
from bot.i18n import Translations
from bot.services.notices import NoticeService
from bot.services.registry import ServiceSettings, build_services
from bot.telegram.sender import DeliveryStatus, Pacer, Sender, TelegramDelivery
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    Notification,
    NotificationStatus,
    Occurrence,
    Organization,
    Person,
    PlanRole,
    Report,
)
from storage.uow import Storage
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock


def _notifier(bot: Bot) -> TelegramDelivery:
    return TelegramDelivery(bot, pacer=Pacer(per_chat_interval=0, global_interval=0))


async def test_a_message_with_buttons_is_delivered(bot: Bot, fake: FakeTelegram) -> None:
    keyboard = InlineKeyboardBuilder()
    keyboard.button(text="✅ Выполнено", callback_data="done:1")
    delivery = await _notifier(bot).send(21, "Напоминание", keyboard=keyboard.as_markup())
    assert delivery.status is DeliveryStatus.SENT
    stored = fake.last_message_to(21)
    assert delivery.message_id == stored.message_id
    assert stored.buttons() == [{"text": "✅ Выполнено", "callback_data": "done:1"}]


async def test_flood_control_is_waited_out_and_the_message_still_arrives(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.inject_fault("sendMessage", status=429, retry_after=1)
    delivery = await _notifier(bot).send(22, "Сводка")
    assert delivery.status is DeliveryStatus.SENT
    assert len(fake.calls_of("sendMessage")) == 2


async def test_a_person_who_blocked_the_bot_is_reported_once(bot: Bot, fake: FakeTelegram) -> None:
    fake.inject_fault("sendMessage", status=403, times=5)
    delivery = await _notifier(bot).send(23, "Напоминание")
    assert delivery.status is DeliveryStatus.BLOCKED
    assert len(fake.calls_of("sendMessage")) == 1


async def test_server_errors_are_retried_then_reported_as_failed(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.inject_fault("sendMessage", status=502, times=10)
    delivery = await TelegramDelivery(
        bot, attempts=2, pacer=Pacer(per_chat_interval=0, global_interval=0)
    ).send(24, "Сводка")
    assert delivery.status is DeliveryStatus.FAILED
    assert len(fake.calls_of("sendMessage")) == 2


async def test_a_long_flood_wait_is_not_slept_through(bot: Bot, fake: FakeTelegram) -> None:
    fake.inject_fault("sendMessage", status=429, retry_after=3600)
    delivery = await _notifier(bot).send(25, "Сводка")
    assert delivery.status is DeliveryStatus.FAILED


# --- the sender: notices recorded by services, rendered and delivered after the update ------


@dataclass
class World:
    coordinator_tg: int
    executor_tg: int
    executor_id: int
    assignment_id: int


async def _world(factory: async_sessionmaker[AsyncSession], coordinator_language: str) -> World:
    """A cluster with an English- or Russian-speaking coordinator and one college head."""
    now = datetime(2022, 3, 1, 9, 0, tzinfo=UTC)
    async with factory() as session:
        cluster = Cluster(
            name="Кластер транспорта", region="", timezone="Asia/Tomsk", created_at=now
        )
        session.add(cluster)
        await session.flush()
        college = Organization(cluster_id=cluster.id, name="Томский техникум", is_college=True)
        role = PlanRole(
            cluster_id=cluster.id,
            name="Руководители ПОО",
            key="руководители поо",
            per_organization=True,
            aliases=[],
        )
        coordinator = Person(
            telegram_id=7001,
            full_name="Ольга Секретарёва",
            language_code=coordinator_language,
            private_chat_started=True,
            created_at=now,
        )
        head = Person(
            telegram_id=7002,
            full_name="Иван Петров",
            language_code="ru",
            private_chat_started=True,
            created_at=now,
        )
        session.add_all([college, role, coordinator, head])
        await session.flush()
        session.add_all(
            [
                Membership(
                    cluster_id=cluster.id,
                    person_id=coordinator.id,
                    role=MemberRole.COORDINATOR,
                    joined_at=now,
                    plan_roles=[],
                ),
                Membership(
                    cluster_id=cluster.id,
                    person_id=head.id,
                    role=MemberRole.EXECUTOR,
                    organization_id=college.id,
                    joined_at=now,
                    plan_roles=[role],
                ),
            ]
        )
        item = Item(
            cluster_id=cluster.id,
            number="1",
            text="Провести день открытых дверей",
            executors_text="Руководители ПОО",
            deadline_text="до 01.05.2022",
            deadline_kind="date",
            status=ItemStatus.ACTIVE,
            created_at=now,
            updated_at=now,
            plan_roles=[role],
            indicators=[],
            occurrences=[
                Occurrence(seq=1, due_date=date(2022, 5, 1), original_due_date=date(2022, 5, 1))
            ],
        )
        session.add(item)
        await session.flush()
        assignment = Assignment(
            occurrence_id=item.occurrences[0].id,
            plan_role_id=role.id,
            organization_id=college.id,
            status=AssignmentStatus.OPEN,
            created_at=now,
            updated_at=now,
        )
        session.add(assignment)
        await session.commit()
        return World(7001, 7002, head.id, assignment.id)


async def _report(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, world: World, text: str
) -> None:
    async with factory() as session:
        services = build_services(Storage(session), clock, ServiceSettings())
        person = await services.people.find(world.executor_tg)
        assert person is not None
        await services.reports.submit(
            person, ReportDraft(world.assignment_id, DraftKind.DONE, text=text)
        )


async def _pending(factory: async_sessionmaker[AsyncSession]) -> list[Notification]:
    async with factory() as session:
        result = await session.execute(
            select(Notification).where(Notification.status == NotificationStatus.PENDING)
        )
        return list(result.scalars().all())


async def test_an_update_never_waits_for_the_delivery_of_the_notices_it_queued(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
    sender: Sender,
) -> None:
    """The bot process's Dispatcher only wakes the sender: the report's notice is queued and
    goes out when the sender runs, not while the executor's «Отправить» is handled."""
    world = await _world(session_factory, "ru")
    woken: list[bool] = []
    sender.wake = lambda: woken.append(True)  # type: ignore[method-assign]
    dispatcher = create_dispatcher(
        session_factory=session_factory,
        settings=ServiceSettings(),
        translations=translations,
        clock=clock,
        sender=sender,
    )
    head = fake.user(world.executor_tg, "Иван", "Петров")
    await dispatcher.feed_update(bot, fake.send_text(head, "/done 1 Провели"))
    assert "Отметил пункт 1" in (fake.last_message_to(head.id).text or "")
    assert woken, "the sender was not woken after the commit"
    assert fake.messages_to(world.coordinator_tg) == []
    assert [n.kind for n in await _pending(session_factory)] == ["report_submitted"]

    assert await sender.drain() == 1
    notice = fake.last_message_to(world.coordinator_tg)
    assert "Отчёт по пункту 1" in (notice.text or "")
    assert await _pending(session_factory) == []


async def test_a_notice_is_rendered_in_the_recipients_language_when_it_is_sent(
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    sender: Sender,
) -> None:
    world = await _world(session_factory, "en")
    await _report(session_factory, clock, world, "Провели <b>3</b> дня")
    await sender.drain()
    notice = fake.last_message_to(world.coordinator_tg)
    assert notice.text is not None
    assert "Report on item 1" in notice.text
    assert "From: Иван Петров (Томский техникум)" in notice.text
    assert "Провели &lt;b&gt;3&lt;/b&gt; дня" in notice.text  # what a person wrote is escaped
    labels = [b["text"] for b in notice.buttons()]
    assert labels == ["✅ Accept", "↩️ Return for rework", "📋 Item card"]


async def test_a_claimed_notice_is_not_sent_twice_and_a_dead_senders_claim_expires(
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    sender: Sender,
) -> None:
    world = await _world(session_factory, "ru")
    await _report(session_factory, clock, world, "Провели")
    async with session_factory() as session:  # another sender claims the row and dies
        claimed = await NoticeService(Storage(session), clock).claim(10)
    assert len(claimed) == 1
    assert await sender.drain() == 0
    assert fake.messages_to(world.coordinator_tg) == []
    clock.advance(minutes=3)
    assert await sender.drain() == 1
    assert await sender.drain() == 0
    assert len(fake.messages_to(world.coordinator_tg)) == 1


async def test_a_notice_about_a_report_that_is_gone_is_dropped_quietly(
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    sender: Sender,
) -> None:
    world = await _world(session_factory, "ru")
    await _report(session_factory, clock, world, "Провели")
    async with session_factory() as session:
        for report in (await session.execute(select(Report))).scalars():
            await session.delete(report)
        await session.commit()
    assert await sender.drain() == 0
    assert fake.messages_to(world.coordinator_tg) == []
    async with session_factory() as session:
        statuses = (await session.execute(select(Notification.status))).scalars().all()
    assert statuses == [NotificationStatus.CANCELLED]
