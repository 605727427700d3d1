"""Reminders with a moving clock: a plan's year in Asia/Tomsk (MSK+4) lands on the right local
days and hours, skips weekends and holidays (moved days off too), never repeats, and stops
the moment the assignment is reported."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.notices import NoticeKind
from bot.domain.reminders import Reason, ReminderPolicy, Schedule, reason_on
from bot.domain.workdays import WorkCalendar
from bot.services.assignments import AssignmentService
from bot.services.registry import ServiceSettings, build_services
from bot.services.reminders import ReminderService
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    Item,
    ItemStatus,
    Notification,
    Occurrence,
    PlanRole,
    Report,
    ReportKind,
)
from storage.uow import Storage
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, seed_plan

TOMSK = ZoneInfo("Asia/Tomsk")
CALENDAR = WorkCalendar()
# Russia, 2022: holidays and the days off moved onto weekdays.
DAYS_OFF_2022 = [date(2022, 1, d) for d in range(3, 8)] + [
    date(2022, 2, 23),
    date(2022, 3, 7),
    date(2022, 3, 8),
    date(2022, 5, 2),
    date(2022, 5, 3),
    date(2022, 5, 9),
    date(2022, 5, 10),
    date(2022, 6, 13),
    date(2022, 11, 4),
]
WORKING_SATURDAY = date(2022, 3, 5)


def test_the_calendar_knows_russian_holidays_moved_days_off_and_working_saturdays() -> None:
    for day in DAYS_OFF_2022:
        assert not CALENDAR.is_working_day(day), day
    assert CALENDAR.is_working_day(WORKING_SATURDAY)
    assert not CALENDAR.is_working_day(date(2022, 3, 6))  # a Sunday
    assert CALENDAR.on_or_before(date(2022, 5, 3)) == date(2022, 4, 29)
    assert CALENDAR.add_working_days(date(2022, 5, 1), 2) == date(2022, 5, 5)
    assert CALENDAR.working_days_between(date(2022, 4, 29), date(2022, 5, 5)) == 2


def test_a_reminder_falling_on_a_day_off_moves_to_the_working_day_before_it() -> None:
    policy = ReminderPolicy()
    due = date(2022, 5, 1)  # a Sunday before the May holidays
    schedule = Schedule(due=due)
    days = {
        day: reason_on(schedule, day, policy, CALENDAR)
        for day in (date(2022, 4, 1) + timedelta(days=n) for n in range(60))
        if reason_on(schedule, day, policy, CALENDAR) is not None
    }
    assert days == {
        date(2022, 4, 22): Reason.BEFORE,  # 7 days before is Sunday 24.04
        date(2022, 4, 28): Reason.BEFORE,  # 3 days before
        date(2022, 4, 29): Reason.BEFORE,  # 1 day before (Saturday) and the day itself
        date(2022, 5, 5): Reason.OVERDUE,  # 2 working days after: 04.05 and 05.05
        date(2022, 5, 11): Reason.OVERDUE,  # 09.05 and 10.05 are days off
        date(2022, 5, 13): Reason.OVERDUE,
        date(2022, 5, 17): Reason.OVERDUE,
        date(2022, 5, 19): Reason.OVERDUE,  # the fifth and last
    }


def test_a_coordinators_change_to_the_policy_is_kept_and_a_junk_one_is_ignored() -> None:
    policy = ReminderPolicy().with_changes({"days_before": [5, 1], "hour": 10, "nonsense": 3})
    assert policy.days_before == (5, 1)
    assert policy.hour == 10
    # A digest hour inside the quiet hours would never be sent: refused as a whole.
    assert ReminderPolicy().with_changes({"hour": 22}) == ReminderPolicy()
    assert ReminderPolicy().with_changes({"hour": "9"}) == ReminderPolicy()


async def _add_item(
    factory: async_sessionmaker[AsyncSession],
    world: PlanWorld,
    number: str,
    dues: list[date],
    *,
    kind: str = "date",
    start: date | None = None,
) -> int:
    async with factory() as session:
        storage = Storage(session)
        role = (
            await session.execute(select(PlanRole).where(PlanRole.cluster_id == world.cluster_id))
        ).scalar_one()
        item = Item(
            cluster_id=world.cluster_id,
            position=int(number.replace(".", "")),
            number=number,
            text=f"Мероприятие {number}",
            executors_text="Руководители ПОО",
            deadline_text="",
            deadline_kind=kind,
            status=ItemStatus.ACTIVE,
            created_at=datetime(2022, 1, 1, tzinfo=UTC),
            updated_at=datetime(2022, 1, 1, tzinfo=UTC),
            plan_roles=[role],
            indicators=[],
            occurrences=[
                Occurrence(seq=n + 1, start_date=start, due_date=due, original_due_date=due)
                for n, due in enumerate(dues)
            ],
        )
        session.add(item)
        await session.flush()
        await AssignmentService(storage, FixedClock()).sync(world.cluster_id)
        await session.commit()
        return item.id


async def _sweep(factory: async_sessionmaker[AsyncSession], clock: FixedClock) -> int:
    async with factory() as session:
        services = build_services(Storage(session), clock, ServiceSettings())
        return (await services.reminders.sweep()).queued


async def _rows(factory: async_sessionmaker[AsyncSession]) -> list[Notification]:
    async with factory() as session:
        result = await session.execute(
            select(Notification)
            .where(Notification.kind.in_([NoticeKind.DIGEST, NoticeKind.COORDINATOR_DIGEST]))
            .order_by(Notification.id)
        )
        return list(result.scalars().all())


async def _digest_items(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, row: Notification
) -> list[tuple[str, str, int]]:
    """A queued digest as the sender reads it at send time: (number, reason, days)."""
    async with factory() as session:
        service = ReminderService(Storage(session), clock, None, ReminderPolicy(), CALENDAR)
        assert row.person_id is not None
        assert row.cluster_id is not None
        digest = await service.digest(
            row.person_id,
            row.cluster_id,
            NoticeKind(row.kind),
            date.fromisoformat(row.payload["day"]),
            date.fromisoformat(row.payload["since"]),
        )
        if digest is None:
            return []
        return [(e.number, e.reason.value, e.days) for e in digest.entries]


# Local times the clock visits each day: before the hour, at it, after it, in quiet hours.
VISITS = (time(0, 30), time(8, 59), time(9, 0), time(9, 40), time(13, 0), time(21, 0))


@pytest.mark.timeout(300)
async def test_a_years_reminders_in_tomsk_land_on_working_mornings_never_twice_stop_when_reported(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=2, timezone="Asia/Tomsk")
    may = await _add_item(session_factory, world, "1.1", [date(2022, 5, 1)])
    march = await _add_item(session_factory, world, "1.2", [date(2022, 3, 12)])  # Saturday
    quarterly = await _add_item(
        session_factory,
        world,
        "1.3",
        [date(2022, 3, 31), date(2022, 6, 30), date(2022, 9, 30), date(2022, 12, 31)],
    )
    clock = FixedClock()
    reported_on = date(2022, 5, 12)
    day = date(2022, 1, 1)
    seen: set[int] = set()
    days_of: dict[str, set[date]] = defaultdict(set)
    while day <= date(2022, 12, 31):
        for visit in VISITS:
            clock.set(datetime.combine(day, visit, tzinfo=TOMSK).astimezone(UTC))
            if await _sweep(session_factory, clock):
                # Each new digest read as the sender reads it, right away.
                for row in await _rows(session_factory):
                    if row.id in seen:
                        continue
                    seen.add(row.id)
                    if row.kind == NoticeKind.DIGEST:
                        for number, _reason, _days in await _digest_items(
                            session_factory, clock, row
                        ):
                            days_of[number].add(day)
            if day == reported_on and visit == time(13, 0):
                await _report_item(session_factory, may, world)
        day += timedelta(days=1)

    rows = await _rows(session_factory)
    assert rows
    per_person_day: dict[tuple[int | None, str, str], int] = defaultdict(int)
    for row in rows:
        local = row.created_at.astimezone(TOMSK)
        # Queued on the cluster's working morning, at 09:00 local or later, never at night.
        assert CALENDAR.is_working_day(local.date()), local
        assert time(9, 0) <= local.time() < time(20, 0), local
        assert local.date() not in DAYS_OFF_2022
        assert row.payload["day"] == local.date().isoformat()
        per_person_day[row.person_id, row.kind, row.payload["day"]] += 1
    assert set(per_person_day.values()) == {1}, "a digest was queued twice"

    # The executors' digests name the items on exactly the policy's days.
    # 12.03.2022 is a Saturday: 7 days before is 05.03, a working Saturday that year; the
    # day itself and the day before move to Friday 11.03.
    # Then every second working day after it, five times.
    assert days_of["1.2"] == {
        date(2022, 3, 5),
        date(2022, 3, 9),
        date(2022, 3, 11),
        date(2022, 3, 15),
        date(2022, 3, 17),
        date(2022, 3, 21),
        date(2022, 3, 23),
        date(2022, 3, 25),
    }
    # The May item (due Sunday 01.05, before two days off) stops the moment both colleges
    # reported it: 12.05, after that morning's digest; 13.05 would have been the next.
    assert days_of["1.1"] == {
        date(2022, 4, 22),
        date(2022, 4, 28),
        date(2022, 4, 29),
        date(2022, 5, 5),
        date(2022, 5, 11),
    }
    # The quarterly item: each quarter's deadline is reminded of, the last one in December.
    assert any(d.month == 12 for d in days_of["1.3"])
    assert quarterly
    assert march


async def _report_item(
    factory: async_sessionmaker[AsyncSession], item_id: int, world: PlanWorld
) -> None:
    """Both colleges report the item done (as the report flow stores it)."""
    async with factory() as session:
        assignments = (
            (
                await session.execute(
                    select(Assignment)
                    .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
                    .where(Occurrence.item_id == item_id)
                )
            )
            .scalars()
            .all()
        )
        for assignment in assignments:
            assignment.status = AssignmentStatus.SUBMITTED
            session.add(
                Report(
                    assignment_id=assignment.id,
                    kind=ReportKind.DONE,
                    text="Выполнено",
                    created_at=datetime(2022, 5, 12, 6, 0, tzinfo=UTC),
                )
            )
        await session.commit()


async def test_a_digest_emptied_by_a_report_before_it_is_sent_is_not_sent(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    item = await _add_item(session_factory, world, "2.1", [date(2022, 4, 28)])
    clock = FixedClock(datetime(2022, 4, 28, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 1
    (row,) = await _rows(session_factory)
    assert await _digest_items(session_factory, clock, row) == [("2.1", "due_today", 0)]
    await _report_item(session_factory, item, world)
    assert await _digest_items(session_factory, clock, row) == []


async def test_a_digest_not_sent_on_its_own_day_is_superseded_not_sent_late(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "2.2", [date(2022, 4, 28)])
    clock = FixedClock(datetime(2022, 4, 28, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)
    (row,) = await _rows(session_factory)
    clock.set(datetime(2022, 4, 29, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    assert await _digest_items(session_factory, clock, row) == []


async def test_days_missed_while_the_bot_was_down_fold_into_one_digest(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "3.1", [date(2022, 4, 20)])
    await _add_item(session_factory, world, "3.2", [date(2022, 4, 25)])
    clock = FixedClock(datetime(2022, 4, 11, 9, 30, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)  # Monday: 3.1 is 9 days away, nothing yet
    # The bot is down from Tuesday 12.04 to Tuesday 19.04: 3.1's 7- and 3-day reminders and
    # 3.2's 7-day one were missed.
    clock.set(datetime(2022, 4, 19, 10, 0, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 1
    rows = await _rows(session_factory)
    assert len(rows) == 1
    (row,) = rows
    assert row.payload == {"day": "2022-04-19", "since": "2022-04-12"}
    assert await _digest_items(session_factory, clock, row) == [
        ("3.1", "before", 1),
        ("3.2", "before", 6),
    ]


async def test_a_snoozed_item_waits_a_working_day_and_comes_back_without_moving_its_deadline(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    item_id = await _add_item(session_factory, world, "4.1", [date(2022, 4, 29)])
    # Friday 22.04, the 7-day reminder; the head presses «⏰ Напомнить завтра».
    clock = FixedClock(datetime(2022, 4, 22, 9, 30, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)
    async with session_factory() as session:
        storage = Storage(session)
        services = build_services(storage, clock, ServiceSettings())
        head = await storage.persons.by_telegram_id(world.heads[0].id)
        assert head is not None
        assignment = (
            await session.execute(
                select(Assignment.id)
                .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
                .where(Occurrence.item_id == item_id)
            )
        ).scalar_one()
        until, _cluster = await services.reminders.snooze(head, assignment)
    assert until == date(2022, 4, 25)  # the next working day, Monday
    clock.set(datetime(2022, 4, 25, 9, 30, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 1
    rows = await _rows(session_factory)
    assert await _digest_items(session_factory, clock, rows[-1]) == [("4.1", "before", 4)]
    async with session_factory() as session:
        due = (
            await session.execute(select(Occurrence.due_date).where(Occurrence.item_id == item_id))
        ).scalar_one()
    assert due == date(2022, 4, 29)


async def test_the_coordinator_hears_of_late_colleges_undated_items_and_waiting_reports(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=2, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "5.1", [date(2022, 4, 29)])
    await _add_item(session_factory, world, "5.2", [], kind="unscheduled")
    waiting = await _add_item(session_factory, world, "5.3", [date(2022, 5, 20)])
    await _report_item(session_factory, waiting, world)  # sent 12.05 (Thursday)
    # Monday 16.05: 5.1 is 17 days late (escalated on 04.05 already); the undated item is
    # reminded of on the week's first working day; the report has waited 2 working days.
    clock = FixedClock(datetime(2022, 5, 4, 9, 30, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)
    coordinator_rows = [
        r for r in await _rows(session_factory) if r.kind == NoticeKind.COORDINATOR_DIGEST
    ]
    assert len(coordinator_rows) == 1
    items = await _digest_items(session_factory, clock, coordinator_rows[0])
    assert ("5.1", "escalation", -5) in items
    clock.set(datetime(2022, 5, 16, 9, 30, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)
    coordinator_rows = [
        r for r in await _rows(session_factory) if r.kind == NoticeKind.COORDINATOR_DIGEST
    ]
    items = await _digest_items(session_factory, clock, coordinator_rows[-1])
    assert ("5.2", "undated", 0) in items
    assert ("5.3", "awaiting_decision", 4) in items
    assert all(number != "5.1" for number, _r, _d in items)  # escalated once, not daily


async def test_a_sweep_in_two_processes_at_once_queues_each_digest_once(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=3, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "6.1", [date(2022, 4, 28)])
    clock = FixedClock(datetime(2022, 4, 28, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    # Two sweeps that both read the cluster as not swept yet (two replicas).
    async with session_factory() as first, session_factory() as second:
        a = ReminderService(Storage(first), clock, None, ReminderPolicy(), CALENDAR)
        b = ReminderService(Storage(second), clock, None, ReminderPolicy(), CALENDAR)
        cluster_a = await Storage(first).clusters.get(world.cluster_id)
        cluster_b = await Storage(second).clusters.get(world.cluster_id)
        assert cluster_a is not None
        assert cluster_b is not None
        digests_a = await a.digests(cluster_a, date(2022, 4, 28))
        digests_b = await b.digests(cluster_b, date(2022, 4, 28))
        await Storage(first).reminders.enqueue_many(
            [a._notice_row(d, clock.now()) for d in digests_a]
        )
        await first.commit()
        await Storage(second).reminders.enqueue_many(
            [b._notice_row(d, clock.now()) for d in digests_b]
        )
        await second.commit()
    assert len(await _rows(session_factory)) == 3
    assert await _sweep(session_factory, clock) == 0


async def test_a_changed_deadline_leaves_no_stale_reminder(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    item_id = await _add_item(session_factory, world, "7.1", [date(2022, 4, 28)])
    clock = FixedClock(datetime(2022, 4, 28, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    await _sweep(session_factory, clock)
    (row,) = await _rows(session_factory)
    async with session_factory() as session:
        occurrence = (
            await session.execute(select(Occurrence).where(Occurrence.item_id == item_id))
        ).scalar_one()
        occurrence.due_date = date(2022, 6, 30)
        await session.commit()
    # Between the sweep and the sending the deadline moved: the digest has nothing to say.
    assert await _digest_items(session_factory, clock, row) == []


async def test_an_archived_cluster_is_not_swept(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    await _add_item(session_factory, world, "8.1", [date(2022, 4, 28)])
    async with session_factory() as session:
        cluster = await session.get(Cluster, world.cluster_id)
        assert cluster is not None
        cluster.archived_at = datetime(2022, 4, 1, tzinfo=UTC)
        await session.commit()
    clock = FixedClock(datetime(2022, 4, 28, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 0


async def test_a_weekly_item_is_one_line_of_a_digest_its_most_urgent_date(
    session_factory: async_sessionmaker[AsyncSession], fake: FakeTelegram
) -> None:
    world = await seed_plan(session_factory, fake, items=0, colleges=1, timezone="Asia/Tomsk")
    # «по четвергам»: 21.04 (missed), 28.04 and 05.05 — all open on Thursday 28.04.
    await _add_item(
        session_factory, world, "9.1", [date(2022, 4, 21), date(2022, 4, 28), date(2022, 5, 5)]
    )
    clock = FixedClock(datetime(2022, 4, 28, 9, 5, tzinfo=TOMSK).astimezone(UTC))
    assert await _sweep(session_factory, clock) == 1
    (row,) = await _rows(session_factory)
    # 21.04's second overdue reminder is not due today, 28.04 is due today, 05.05 is 7 days
    # away: the head reads the item once, as due today.
    assert await _digest_items(session_factory, clock, row) == [("9.1", "due_today", 0)]
