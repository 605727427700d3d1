"""Delivery within Telegram's limits: the pacer, retries, 403, quiet hours, long notices in
parts, batched settling, and 1,000 notices drained through a faulty, rate-limited fake."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.app import create_dispatcher
from bot.domain.calendar import local_time
from bot.domain.notices import NoticeKind
from bot.i18n import Translations
from bot.services.notices import NoticeService, Outgoing
from bot.services.registry import ServiceSettings
from bot.telegram.notices import Rendered
from bot.telegram.sender import DeliveryStatus, Pacer, Sender, TelegramDelivery
from storage.db import create_engine, create_session_factory
from storage.models import (
    Cluster,
    MemberRole,
    Membership,
    Notification,
    NotificationStatus,
    Organization,
    Person,
)
from storage.uow import Storage
from tests.fake_telegram import Chaos, FakeTelegram, RateLimits
from tests.fakes import FixedClock

# --- a world of recipients and an outbox full of notices that render from it alone -----------


@dataclass
class Outbox:
    """Seeded notices: PERSON_UNREACHABLE to members, START_LINK to the clusters' groups."""

    rows: int
    expected: Counter[int]  # chat id → messages it must receive, exactly
    blocked: frozenset[int]  # telegram ids Telegram answers 403 for
    blocked_person_ids: frozenset[int]
    coordinator_chats: dict[int, list[int]] = field(default_factory=dict)  # cluster → chats


async def seed_outbox(
    factory: async_sessionmaker[AsyncSession],
    now: datetime,
    *,
    rows: int = 1000,
    clusters: int = 5,
    members: int = 20,
    coordinators: int = 2,
    group_share: float = 0.3,
    blocked: int = 0,
    seed: int = 1,
    timezone: str = "Europe/Moscow",
) -> Outbox:
    """``rows`` pending notices spread over ``clusters`` × (``members`` + ``coordinators``)
    people and one group each (``group_share`` of a cluster's rows to its group, the rest to
    its members in turn); ``blocked`` members have blocked the bot. A block queues, once,
    a START_LINK in the member's group and a PERSON_UNREACHABLE to each coordinator: those are
    counted in ``expected`` too."""
    rng = random.Random(seed)
    expected: Counter[int] = Counter()
    member_rows: list[tuple[Cluster, list[Person], list[Person], int]] = []
    async with factory() as session:
        for c in range(clusters):
            cluster = Cluster(
                name=f"Кластер {c + 1}",
                region="",
                timezone=timezone,
                group_chat_id=-100_000 - c,
                created_at=now,
            )
            session.add(cluster)
            await session.flush()
            college = Organization(cluster_id=cluster.id, name=f"ГБПОУ «Колледж № {c + 1}»")
            session.add(college)
            heads = [
                Person(
                    telegram_id=500_000 + c * 100 + k,
                    full_name=f"Координатор {c + 1}.{k + 1}",
                    language_code="ru",
                    private_chat_started=True,
                    created_at=now,
                )
                for k in range(coordinators)
            ]
            people = [
                Person(
                    telegram_id=600_000 + c * 1000 + k,
                    full_name=f"Исполнитель {c + 1}.{k + 1}",
                    language_code="ru" if k % 3 else "en",
                    private_chat_started=True,
                    created_at=now,
                )
                for k in range(members)
            ]
            session.add_all([*heads, *people])
            await session.flush()
            session.add_all(
                [
                    Membership(
                        cluster_id=cluster.id,
                        person_id=p.id,
                        role=MemberRole.COORDINATOR,
                        joined_at=now,
                    )
                    for p in heads
                ]
                + [
                    Membership(
                        cluster_id=cluster.id,
                        person_id=p.id,
                        role=MemberRole.EXECUTOR,
                        organization_id=college.id,
                        joined_at=now,
                    )
                    for p in people
                ]
            )
            member_rows.append((cluster, heads, people, c))
        everyone = [p for _, _, people, _ in member_rows for p in people]
        refusing = rng.sample(everyone, blocked)
        refusing_ids = {p.id for p in refusing}
        told: set[tuple[int, int]] = set()
        notifications = []
        every = round(1 / group_share) if group_share else 0
        for i in range(rows):
            cluster, heads, people, _ = member_rows[i % clusters]
            k = i // clusters  # the cluster's k-th row: to its group, or to its members in turn
            subject = rng.choice(people)
            if every and k % every == 0:
                assert cluster.group_chat_id is not None
                notifications.append(
                    Notification(
                        dedup_key=f"seed:{i}",
                        kind=NoticeKind.START_LINK.value,
                        chat_id=cluster.group_chat_id,
                        cluster_id=cluster.id,
                        payload={"person_id": subject.id},
                        not_before=now,
                        created_at=now,
                    )
                )
                expected[cluster.group_chat_id] += 1
                continue
            recipient = people[k % len(people)]
            notifications.append(
                Notification(
                    dedup_key=f"seed:{i}",
                    kind=NoticeKind.PERSON_UNREACHABLE.value,
                    person_id=recipient.id,
                    cluster_id=cluster.id,
                    payload={"person_id": subject.id},
                    not_before=now,
                    created_at=now,
                )
            )
            if recipient.id not in refusing_ids:
                expected[recipient.telegram_id] += 1
            elif (cluster.id, recipient.id) not in told:
                told.add((cluster.id, recipient.id))
                assert cluster.group_chat_id is not None
                expected[cluster.group_chat_id] += 1  # «open a chat with the bot», once
                for head in heads:
                    expected[head.telegram_id] += 1  # «cannot be delivered to …», once each
        session.add_all(notifications)
        await session.commit()
        return Outbox(
            rows=rows,
            expected=expected,
            blocked=frozenset(p.telegram_id for p in refusing),
            blocked_person_ids=frozenset(refusing_ids),
            coordinator_chats={
                c.id: [h.telegram_id for h in heads] for c, heads, _, _ in member_rows
            },
        )


async def _statuses(factory: async_sessionmaker[AsyncSession]) -> Counter[str]:
    async with factory() as session:
        rows = await session.execute(
            select(Notification.status, func.count()).group_by(Notification.status)
        )
        return Counter({str(status): count for status, count in rows.all()})


def _sender(
    bot: Bot,
    factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
    pacer: Pacer | None = None,
    **options: object,
) -> Sender:
    delivery = TelegramDelivery(
        bot,
        pacer=pacer or Pacer(per_chat_interval=0, global_interval=0),
        backoff=0.01,
        request_timeout=0.2,
    )
    return Sender(factory, delivery, clock, translations, **options)  # type: ignore[arg-type]


# --- the pacer, on a clock of its own (no waiting, no timing) ----------------------------------


class VirtualTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        await asyncio.sleep(0)


async def test_the_pacer_keeps_a_private_chat_to_its_limit_without_holding_back_other_chats() -> (
    None
):
    clock = VirtualTime()
    pacer = Pacer.from_limits(30, 1, 20, margin=0, monotonic=clock.monotonic, sleep=clock.sleep)
    async with pacer.turn(7):
        await pacer.wait(7)
    assert pacer.chat_ready_in(7) == pytest.approx(1.0)
    assert pacer.chat_ready_in(8) == 0  # another chat may go at once
    async with pacer.turn(8):
        await pacer.wait(8)
    assert clock.now == 1000  # another chat goes at once
    async with pacer.turn(7):
        await pacer.wait(7)
    assert clock.now == pytest.approx(1001.0)  # the chat's own second


async def test_the_pacer_lets_a_group_have_its_twenty_a_minute_then_waits_for_the_window() -> None:
    clock = VirtualTime()
    pacer = Pacer.from_limits(1000, 1, 20, margin=0, monotonic=clock.monotonic, sleep=clock.sleep)
    start = clock.now
    for _ in range(20):
        async with pacer.turn(-5):
            await pacer.wait(-5)
    assert clock.now - start < 1  # a burst of twenty
    assert pacer.chat_ready_in(-5) == pytest.approx(60 - (clock.now - start))
    async with pacer.turn(-5):
        await pacer.wait(-5)
    assert clock.now - start == pytest.approx(60, abs=0.01)


async def test_the_pacer_spaces_the_global_limit_evenly_and_never_exceeds_it_in_any_second() -> (
    None
):
    clock = VirtualTime()
    pacer = Pacer.from_limits(100, 1, 20, margin=0.02, monotonic=clock.monotonic, sleep=clock.sleep)
    grants = []
    for chat in range(1, 301):
        async with pacer.turn(chat):
            await pacer.wait(chat)
        grants.append(clock.now)
    # Never over the limit in any second; never more than a few at once (the slack that absorbs
    # a late wake-up); and the rate is the limit less its margin.
    assert max(sum(1 for g in grants if start <= g < start + 1) for start in grants) <= 100
    assert max(sum(1 for g in grants if start <= g < start + 0.01) for start in grants) <= 5
    assert 299 / (grants[-1] - grants[0]) == pytest.approx(100 / 1.02, rel=0.02)


async def test_the_pacer_catches_up_after_a_late_wake_up_without_losing_the_rate() -> None:
    clock = VirtualTime()
    late = 0.0

    async def oversleeping(seconds: float) -> None:
        clock.now += seconds + late
        await asyncio.sleep(0)

    pacer = Pacer.from_limits(100, 1, 20, margin=0, monotonic=clock.monotonic, sleep=oversleeping)
    for chat in range(1, 11):
        async with pacer.turn(chat):
            await pacer.wait(chat)
    late = 0.005  # every sleep wakes 5 ms late, half the spacing
    start = clock.now
    for chat in range(11, 211):
        async with pacer.turn(chat):
            await pacer.wait(chat)
    assert 200 / (clock.now - start) == pytest.approx(100, rel=0.01)


async def test_the_pacer_waits_out_a_retry_after_for_that_chat_only() -> None:
    clock = VirtualTime()
    pacer = Pacer(per_chat_interval=0, global_interval=0, monotonic=clock.monotonic)
    pacer.pause(9, 5)
    assert pacer.chat_ready_in(9) == pytest.approx(5)
    assert pacer.chat_ready_in(10) == 0


# --- TelegramDelivery: retries, timeouts, blocks -----------------------------------------------


def _delivery(bot: Bot, **options: object) -> TelegramDelivery:
    return TelegramDelivery(
        bot,
        pacer=Pacer(per_chat_interval=0, global_interval=0),
        backoff=0.01,
        **options,  # type: ignore[arg-type]
    )


async def test_a_server_error_is_retried_with_backoff_and_the_message_arrives_once(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.inject_fault("sendMessage", status=502, times=2)
    delivery = await _delivery(bot).send(31, "Сводка")
    assert delivery.status is DeliveryStatus.SENT
    assert [c.status for c in fake.calls_of("sendMessage")] == [502, 502, 200]
    assert len(fake.messages_to(31)) == 1


async def test_a_send_past_its_timeout_is_retried_and_arrives_once(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.inject_fault("sendMessage", status=500, delay=5.0, times=1)
    delivery = await _delivery(bot, request_timeout=0.1).send(32, "Сводка")
    assert delivery.status is DeliveryStatus.SENT
    assert len(fake.calls_of("sendMessage")) == 2
    assert len(fake.messages_to(32)) == 1


async def test_flood_control_pauses_only_that_chat(bot: Bot, fake: FakeTelegram) -> None:
    pacer = Pacer(per_chat_interval=0, global_interval=0)
    fake.inject_fault("sendMessage", status=429, retry_after=1)
    delivery = await TelegramDelivery(bot, pacer=pacer).send(33, "Сводка")
    assert delivery.status is DeliveryStatus.SENT
    assert len(fake.calls_of("sendMessage")) == 2
    assert pacer.chat_ready_in(34) == 0


# --- the fake enforces the limits it is given and injects faults from a seeded RNG ------------


async def test_the_fake_answers_429_with_the_seconds_until_the_window_has_room(
    bot: Bot, fake: FakeTelegram
) -> None:
    fake.enforce_rate_limits = True
    fake.rate_limits = RateLimits(
        global_per_second=100, per_chat_per_second=2, per_group_per_minute=3
    )
    await bot.send_message(41, "1")
    await bot.send_message(41, "2")
    with pytest.raises(TelegramRetryAfter) as private:
        await bot.send_message(41, "3")
    assert private.value.retry_after == 1
    for text in ("1", "2", "3"):
        await bot.send_message(-41, text)
    with pytest.raises(TelegramRetryAfter) as group:
        await bot.send_message(-41, "4")
    assert group.value.retry_after == 60
    assert fake.rate_limited == 2
    assert len(fake.messages_to(41)) == 2
    assert len(fake.messages_to(-41)) == 3


async def test_the_fakes_global_limit_counts_every_chat(bot: Bot, fake: FakeTelegram) -> None:
    fake.rate_limits = RateLimits(
        global_per_second=5, per_chat_per_second=1, per_group_per_minute=20
    )
    fake.enforce_rate_limits = True
    for chat in range(1, 6):
        await bot.send_message(chat, "раз")
    with pytest.raises(TelegramRetryAfter) as error:
        await bot.send_message(6, "шесть")
    assert error.value.retry_after == 1


async def test_the_fakes_chaos_is_seeded_and_blocks_the_blocked(
    bot: Bot, fake: FakeTelegram
) -> None:

    fake.chaos = Chaos(seed=3, blocked=frozenset({50}))
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(50, "вы заблокировали")

    def outcomes(seed: int) -> list[str]:
        chaos = Chaos(seed=seed, server_errors=0.3, timeouts=0.2)
        result = []
        for _ in range(50):
            roll = chaos.rng.random()
            result.append("5xx" if roll < 0.3 else "timeout" if roll < 0.5 else "ok")
        return result

    assert outcomes(7) == outcomes(7) != outcomes(8)
    fake.chaos = Chaos(seed=1, server_errors=1.0)
    with pytest.raises(TelegramServerError):
        await bot.send_message(51, "сбой")
    fake.chaos = Chaos(seed=1, timeouts=1.0, timeout_delay=5.0)
    with pytest.raises(TelegramNetworkError):
        await bot.send_message(52, "долго", request_timeout=0.1)  # type: ignore[arg-type]
    assert fake.messages_to(51) == fake.messages_to(52) == []
    assert fake.chaos_counts == {"server_error": 1, "timeout": 1, "blocked": 1}


# --- the sender ------------------------------------------------------------------------------


async def test_the_sender_sends_to_different_chats_concurrently_within_its_in_flight_bound(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    outbox = await seed_outbox(session_factory, clock.now(), rows=120, group_share=0)
    fake.send_latency = 0.02
    sender = _sender(bot, session_factory, clock, translations, max_in_flight=8)
    assert await sender.drain() == 120
    assert 1 < fake.max_sends_in_progress <= 8
    assert Counter(fake.sent_counts()) == outbox.expected


async def test_results_are_settled_in_batches_not_one_commit_per_row(
    bot: Bot,
    fake: FakeTelegram,
    engine: AsyncEngine,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    await seed_outbox(session_factory, clock.now(), rows=200, group_share=0.2)
    commits: list[int] = []
    event.listen(engine.sync_engine, "commit", lambda _c: commits.append(1))
    sender = _sender(bot, session_factory, clock, translations, max_in_flight=40)
    assert await sender.drain() == 200
    assert len(commits) <= 200 / 10, f"{len(commits)} commits for 200 notices"


async def test_a_blocked_person_is_marked_unreachable_and_each_coordinator_is_told_once(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    outbox = await seed_outbox(
        session_factory, clock.now(), rows=60, clusters=1, members=4, group_share=0, blocked=1
    )
    (refusing,) = outbox.blocked
    fake.chaos = Chaos(blocked=outbox.blocked)
    sender = _sender(bot, session_factory, clock, translations)
    await sender.drain()
    assert await sender.drain() == 0
    async with session_factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == refusing))
        ).scalar_one()
        assert person.unreachable_since == clock.now()
        failed = (
            await session.execute(
                select(func.count()).where(
                    Notification.person_id == person.id,
                    Notification.status == NotificationStatus.FAILED,
                )
            )
        ).scalar_one()
    assert failed > 1  # several notices to them, yet each coordinator is told once
    (chats,) = outbox.coordinator_chats.values()
    for chat in chats:
        told = [m for m in fake.messages_to(chat) if "Не удаётся доставить" in (m.text or "")]
        assert len(told) == 1
        assert f"<b>{person.full_name}</b> (ГБПОУ «Колледж № 1») заблокировал(а) бота" in (
            told[0].text or ""
        )
    asks = [m for m in fake.messages_to(-100_000) if "Запустить" in (m.text or "")]
    assert len(asks) == 1
    assert Counter(fake.sent_counts()) == outbox.expected


async def test_writing_to_the_bot_again_clears_unreachable(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
    sender: Sender,
) -> None:
    async with session_factory() as session:
        person = Person(
            telegram_id=777,
            full_name="Вера Иванова",
            private_chat_started=True,
            unreachable_since=clock.now() - timedelta(days=1),
            created_at=clock.now(),
        )
        session.add(person)
        await session.commit()
    dispatcher = create_dispatcher(
        session_factory=session_factory,
        settings=ServiceSettings(),
        translations=translations,
        clock=clock,
        sender=sender,
    )
    await dispatcher.feed_update(bot, fake.send_text(fake.user(777, "Вера"), "/help"))
    async with session_factory() as session:
        again = (
            await session.execute(select(Person).where(Person.telegram_id == 777))
        ).scalar_one()
    assert again.unreachable_since is None


# --- quiet hours ------------------------------------------------------------------------------


async def _one_row(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, kind: NoticeKind
) -> tuple[int, int]:
    outbox = await seed_outbox(
        factory, clock.now(), rows=1, clusters=1, members=2, group_share=0, timezone="Asia/Tomsk"
    )
    async with factory() as session:
        row = (await session.execute(select(Notification))).scalar_one()
        row.kind = kind.value
        await session.commit()
        return row.id, next(iter(outbox.expected))


async def test_a_reminder_claimed_in_quiet_hours_waits_for_their_end_without_an_attempt(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    # 21:30 in Tomsk (UTC+7) is 14:30 UTC: in the default quiet hours 20:00–08:00.
    clock = FixedClock(datetime(2022, 3, 1, 14, 30, tzinfo=UTC))
    row_id, _ = await _one_row(session_factory, clock, NoticeKind.DIGEST)
    async with session_factory() as session:
        assert await NoticeService(Storage(session), clock).claim(10) == []
    async with session_factory() as session:
        row = await session.get(Notification, row_id)
        assert row is not None
        assert row.status is NotificationStatus.PENDING
        assert row.attempts == 0
        assert row.claimed_until is None
        assert local_time(row.not_before, "Asia/Tomsk").replace(tzinfo=None) == datetime(
            2022, 3, 2, 8, 0
        )
    clock.set(datetime(2022, 3, 2, 0, 59, tzinfo=UTC))  # 07:59 local: still quiet
    async with session_factory() as session:
        assert await NoticeService(Storage(session), clock).claim(10) == []
    clock.set(datetime(2022, 3, 2, 1, 0, tzinfo=UTC))  # 08:00 local
    async with session_factory() as session:
        (claimed,) = await NoticeService(Storage(session), clock).claim(10)
    assert claimed.notification.id == row_id
    assert not claimed.silent


async def test_a_clusters_own_quiet_hours_are_used(
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    clock = FixedClock(datetime(2022, 3, 1, 14, 30, tzinfo=UTC))  # 21:30 in Tomsk
    row_id, _ = await _one_row(session_factory, clock, NoticeKind.DIGEST)
    async with session_factory() as session:
        cluster = (await session.execute(select(Cluster))).scalar_one()
        cluster.reminder_settings = {"quiet_start": 23, "quiet_end": 7}
        await session.commit()
    async with session_factory() as session:
        (claimed,) = await NoticeService(Storage(session), clock).claim(10)
    assert claimed.notification.id == row_id
    assert claimed.policy.quiet_start == 23
    assert claimed.timezone == "Asia/Tomsk"


async def test_an_event_notice_in_quiet_hours_goes_silently(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    translations: Translations,
) -> None:
    clock = FixedClock(datetime(2022, 3, 1, 14, 30, tzinfo=UTC))  # 21:30 in Tomsk
    _, chat = await _one_row(session_factory, clock, NoticeKind.PERSON_UNREACHABLE)
    sender = _sender(bot, session_factory, clock, translations)
    assert await sender.drain() == 1
    (call,) = fake.calls_of("sendMessage")
    assert call.params["chat_id"] == chat
    assert call.params.get("disable_notification") is True
    clock.set(datetime(2022, 3, 2, 3, 0, tzinfo=UTC))  # 10:00 local: with a sound
    async with session_factory() as session:
        session.add(
            Notification(
                dedup_key="day",
                kind=NoticeKind.PERSON_UNREACHABLE.value,
                person_id=(await session.execute(select(Person.id).limit(1))).scalar_one(),
                cluster_id=(await session.execute(select(Cluster.id))).scalar_one(),
                payload={"person_id": 1},
                not_before=clock.now(),
                created_at=clock.now(),
            )
        )
        await session.commit()
    assert await sender.drain() == 1
    assert "disable_notification" not in fake.calls_of("sendMessage")[-1].params


# --- a notice in several messages -------------------------------------------------------------


class PartsSender(Sender):
    async def _render(
        self, notices: NoticeService, outgoing: Outgoing
    ) -> Rendered | list[Rendered] | None:
        return [Rendered(f"Часть {n}") for n in (1, 2, 3)]


async def test_a_notice_in_parts_records_how_many_went_and_resumes_after_them(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    outbox = await seed_outbox(
        session_factory, clock.now(), rows=1, clusters=1, members=2, group_share=0
    )
    (chat,) = outbox.expected
    delivery = TelegramDelivery(
        bot, pacer=Pacer(per_chat_interval=0, global_interval=0), attempts=1, backoff=0
    )
    sender = PartsSender(session_factory, delivery, clock, translations)
    original = fake._api_sendmessage
    count = 0

    async def second_part_fails(params: dict[str, object], call: object) -> object:
        nonlocal count
        count += 1
        if count == 2:
            from tests.fake_telegram.core import ApiError

            raise ApiError(502, "Bad Gateway")
        return await original(params, call)  # type: ignore[arg-type]

    fake._api_sendmessage = second_part_fails  # type: ignore[method-assign]
    assert await sender.drain() == 0
    async with session_factory() as session:
        row = (await session.execute(select(Notification))).scalar_one()
        assert row.status is NotificationStatus.PENDING
        assert row.payload["parts_sent"] == 1
        assert row.telegram_message_id == fake.messages_to(chat)[0].message_id
    clock.advance(hours=1)
    assert await sender.drain() == 1
    assert [m.text for m in fake.messages_to(chat)] == ["Часть 1", "Часть 2", "Часть 3"]
    async with session_factory() as session:
        row = (await session.execute(select(Notification))).scalar_one()
        assert row.status is NotificationStatus.SENT
        assert row.payload["parts_sent"] == 3
        assert row.telegram_message_id == fake.messages_to(chat)[-1].message_id


# --- 1,000 notices through limits, 5xx, timeouts and 403 -----------------------------------


async def test_a_thousand_notices_through_limits_and_faults_arrive_exactly_once(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    outbox = await seed_outbox(
        session_factory, clock.now(), rows=1000, clusters=8, members=25, blocked=6, seed=10
    )
    limits = RateLimits(global_per_second=1500, per_chat_per_second=50, per_group_per_minute=6000)
    fake.rate_limits = limits
    fake.enforce_rate_limits = True
    fake.chaos = Chaos(
        seed=10, server_errors=0.05, timeouts=0.02, timeout_delay=2.0, blocked=outbox.blocked
    )
    pacer = Pacer.from_limits(
        limits.global_per_second,
        limits.per_chat_per_second,
        limits.per_group_per_minute,
        margin=0.05,
    )
    sender = _sender(bot, session_factory, clock, translations, pacer, max_in_flight=32)
    sent = await sender.drain()
    for _ in range(10):  # rows Telegram kept failing wait for their back-off: move the clock
        if (await _statuses(session_factory))[NotificationStatus.PENDING.value] == 0:
            break
        clock.advance(hours=2)
        sent += await sender.drain()
    statuses = await _statuses(session_factory)
    assert statuses[NotificationStatus.PENDING.value] == 0
    assert fake.chaos_counts["server_error"] > 0
    assert fake.chaos_counts["timeout"] > 0
    assert fake.chaos_counts["blocked"] > 0
    # Nothing lost, nothing doubled: every chat has exactly the messages meant for it.
    assert Counter(fake.sent_counts()) == outbox.expected
    assert sent == sum(outbox.expected.values()) == statuses[NotificationStatus.SENT.value]
    assert not set(fake.sent_counts()) & outbox.blocked
    async with session_factory() as session:
        unreachable = (
            await session.execute(select(Person.id).where(Person.unreachable_since.is_not(None)))
        ).scalars()
        assert set(unreachable) == outbox.blocked_person_ids


async def test_a_drain_killed_mid_burst_repeats_at_most_its_in_flight_rows(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    database_url: str,
    on_postgres: bool,
    clock: FixedClock,
    translations: Translations,
) -> None:
    """In process, a cancelled drain stands for the crash; its engine is thrown away after it,
    as a dead process's connections are. PostgreSQL only: on SQLite a connection cancelled in
    the middle of a statement keeps the database locked until it is collected, which a real
    crash does not do — tests/test_process_delivery_kill.py kills a real process on both."""
    if not on_postgres:
        pytest.skip("a cancelled aiosqlite connection is no stand-in for a dead process")
    outbox = await seed_outbox(session_factory, clock.now(), rows=400, group_share=0.1)
    fake.send_latency = 0.005
    doomed = create_engine(database_url)
    sender = _sender(bot, create_session_factory(doomed), clock, translations, max_in_flight=12)
    drain = asyncio.create_task(sender.drain())
    for _ in range(3000):
        if sum(fake.sent_counts().values()) >= 150:
            break
        await asyncio.sleep(0.01)
    drain.cancel()  # as a crash: nothing more is settled
    with pytest.raises(asyncio.CancelledError):
        await drain
    await doomed.dispose()
    at_crash = sum(fake.sent_counts().values())
    assert at_crash < 400
    clock.advance(minutes=1)  # the dead drain's claims run out
    restarted = _sender(bot, session_factory, clock, translations, max_in_flight=12)
    await restarted.drain()
    assert (await _statuses(session_factory))[NotificationStatus.PENDING.value] == 0
    received = Counter(fake.sent_counts())
    assert all(received[chat] >= n for chat, n in outbox.expected.items()), "a notice was lost"
    repeated = sum(received.values()) - sum(outbox.expected.values())
    assert 0 <= repeated <= 12


async def test_a_notice_queued_while_a_group_waits_for_its_limit_does_not_wait_with_it(
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    translations: Translations,
) -> None:
    outbox = await seed_outbox(
        session_factory, clock.now(), rows=40, clusters=1, members=3, group_share=1.0
    )
    pacer = Pacer(per_chat_interval=0, global_interval=0, per_group_per_minute=30)
    sender = _sender(bot, session_factory, clock, translations, pacer)
    drain = asyncio.create_task(sender.drain())
    await fake.wait_for_call("sendMessage", lambda c: len(fake.messages_to(-100_000)) == 30)
    assert outbox.expected[-100_000] == 40  # ten wait a minute for the group's window
    async with session_factory() as session:
        person = (await session.execute(select(Person).limit(1))).scalar_one()
        cluster_id = (await session.execute(select(Cluster.id))).scalar_one()
        session.add(
            Notification(
                dedup_key="while-waiting",
                kind=NoticeKind.PERSON_UNREACHABLE.value,
                person_id=person.id,
                cluster_id=cluster_id,
                payload={"person_id": person.id},
                not_before=clock.now(),
                created_at=clock.now(),
            )
        )
        await session.commit()
    sender.wake()
    await fake.wait_for_call("sendMessage", lambda c: c.params["chat_id"] == person.telegram_id)
    assert len(fake.messages_to(-100_000)) == 30  # the group is still waiting
    pacer._group_limit = (1000.0, 60.0)  # let the group's window go, so the drain ends
    pacer._chats.clear()
    assert await drain == 41
    assert len(fake.messages_to(-100_000)) == 40
