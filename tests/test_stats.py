"""Issue 11 §3, /stats through the real Dispatcher: the numbers of a hand-built cluster (two
colleges, reports on time and late, a return, overdue open ones, a report waiting for a
decision), who may see them, and the overview of clusters within Telegram's limits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.services.stats import percent
from storage.models import (
    Assignment,
    AssignmentStatus,
    Cluster,
    MemberRole,
    Membership,
    Occurrence,
    Organization,
    Person,
    Report,
    ReportDecision,
    ReportKind,
)
from tests.chat import Chat
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.fakes import FixedClock
from tests.plan_world import PlanWorld, StatementCounter, seed_plan

TODAY = datetime(2022, 5, 10, 3, 0, tzinfo=UTC)  # 10.05.2022 in Tomsk (UTC+7)
MESSAGE_LIMIT = 4096


def _at(day: int, hour: int, month: int = 5) -> datetime:
    return datetime(2022, month, day, hour, 0, tzinfo=UTC)


async def _build(factory: async_sessionmaker[AsyncSession], world: PlanWorld) -> None:
    """Items 1–4 are due 01.05–04.05.2022 at both colleges. College 1: item 1 sent 02.05 01:00
    Tomsk time (18:00 UTC the day before: late by a day in the cluster's zone), item 2 on time,
    item 3 returned once then accepted 08.05 (5 days late), item 4 open (overdue). College 2:
    item 1 on time, item 2 sent and waiting (neither done nor overdue), item 3 open (overdue),
    item 4 accepted 07.05 (3 days late)."""
    plan: dict[tuple[int, int], list[tuple[datetime, ReportDecision | None]]] = {
        (1, 1): [(_at(1, 18), ReportDecision.ACCEPTED)],
        (1, 2): [(_at(1, 3), ReportDecision.ACCEPTED)],
        (1, 3): [(_at(2, 5), ReportDecision.RETURNED), (_at(8, 5), ReportDecision.ACCEPTED)],
        (2, 1): [(_at(28, 5, month=4), ReportDecision.ACCEPTED)],
        (2, 2): [(_at(9, 5), None)],
        (2, 4): [(_at(7, 5), ReportDecision.ACCEPTED)],
    }
    async with factory() as session:
        rows = (
            await session.execute(
                select(Assignment, Occurrence, Organization)
                .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
                .join(Organization, Organization.id == Assignment.organization_id)
                .where(Occurrence.item_id.in_(world.item_ids))
            )
        ).all()
        heads = {
            m.organization_id: m.person_id
            for m in (await session.execute(select(Membership))).scalars()
            if m.cluster_id == world.cluster_id and m.organization_id is not None
        }
        number_of = {item_id: n for n, item_id in enumerate(world.item_ids, start=1)}
        for assignment, occurrence, organization in rows:
            college = int(organization.name[-1])
            reports = plan.get((college, number_of[occurrence.item_id]), [])
            for created, decision in reports:
                session.add(
                    Report(
                        assignment_id=assignment.id,
                        author_id=heads[organization.id],
                        kind=ReportKind.DONE,
                        text="Сделано",
                        created_at=created,
                        decision=decision,
                        decided_at=created if decision else None,
                        decision_reason="Нет фото" if decision is ReportDecision.RETURNED else None,
                        attachments=[],
                    )
                )
            last = reports[-1][1] if reports else "open"
            assignment.status = {
                ReportDecision.ACCEPTED: AssignmentStatus.ACCEPTED,
                None: AssignmentStatus.SUBMITTED,
                "open": AssignmentStatus.OPEN,
            }[last]
        await session.commit()


@pytest.fixture
async def world(
    session_factory: async_sessionmaker[AsyncSession], chat: Chat, clock: FixedClock
) -> PlanWorld:
    world = await seed_plan(session_factory, chat.fake, items=4, colleges=2)
    await _build(session_factory, world)
    clock.set(TODAY)
    return world


async def _member(
    factory: async_sessionmaker[AsyncSession],
    chat: Chat,
    telegram_id: int,
    clusters: list[int],
    role: MemberRole,
) -> None:
    user = chat.fake.user(telegram_id, "Наблюдатель")
    await chat.say(user, "/start")
    async with factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == telegram_id))
        ).scalar_one()
        for cluster_id in clusters:
            session.add(
                Membership(cluster_id=cluster_id, person_id=person.id, role=role, joined_at=TODAY)
            )
        await session.commit()


async def test_the_coordinator_sees_the_numbers_per_college_and_per_person(
    chat: Chat, world: PlanWorld
) -> None:
    answer = await chat.say(world.coordinator, "/stats")
    text = answer.text or ""
    assert "на 10.05.2022" in text
    assert "Пунктов плана: 4" in text
    assert (
        "<b>Всего:</b> назначено 8 · выполнено 5, в срок 40% · просрочено 2"
        " · опоздание в среднем 3 дня · возвращено на доработку 1 раз"
    ) in text
    assert (
        "• <b>Колледж № 001</b>: назначено 4 · выполнено 3, в срок 33% · просрочено 1"
        " · опоздание в среднем 3 дня · возвращено на доработку 1 раз"
    ) in text
    assert (
        "• <b>Колледж № 002</b>: назначено 4 · выполнено 2, в срок 50% · просрочено 1"
        " · опоздание в среднем 3 дня"
    ) in text
    college_two = text.split("Колледж № 002</b>:")[1].split("\n")[0]
    assert "возвращено" not in college_two
    people = text.split("По исполнителям")[1]
    assert (
        "• <b>Директор Колледжа № 001, Колледж № 001</b>: назначено 4 · выполнено 3, в срок 33%"
    ) in people
    assert "• <b>Директор Колледжа № 002, Колледж № 002</b>: назначено 4 · выполнено 2" in people
    assert len(text) <= MESSAGE_LIMIT


async def test_an_executor_and_a_stranger_are_refused_politely(
    chat: Chat, world: PlanWorld
) -> None:
    refusal = await chat.say(world.heads[0], "/stats")
    assert "координаторам и наблюдателям" in (refusal.text or "")
    stranger = chat.fake.user(6100, "Гость")
    await chat.say(stranger, "/start")
    assert "координаторам и наблюдателям" in ((await chat.say(stranger, "/stats")).text or "")


async def test_an_observer_of_two_clusters_chooses_one_or_the_overview_sorted_both_ways(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    # A second cluster with nothing reported: every assignment is overdue on 10.05.2022.
    other = await seed_plan(
        session_factory,
        chat.fake,
        items=2,
        colleges=1,
        first_telegram_id=7100,
        cluster_name="Агрокластер",
    )
    await _member(
        session_factory, chat, 6200, [world.cluster_id, other.cluster_id], MemberRole.OBSERVER
    )
    observer = chat.fake.user(6200, "Наблюдатель")
    menu = await chat.say(observer, "/stats")
    assert "Выберите кластер" in (menu.text or "")
    one = await chat.press(observer, "Кластер транспорта", menu)
    assert "назначено 8 · выполнено 5, в срок 40%" in (one.text or "")

    overview = await chat.press(observer, "🗺 Обзор по кластерам", menu)
    text = overview.text or ""
    assert "2 кластера, по доле просроченных" in text
    assert text.index("Агрокластер") < text.index("Кластер транспорта")
    assert (
        "пунктов: 4 · назначений: 8 · выполнено: 63% · в срок: 40% · просрочено: 25% (2)"
    ) in text
    assert "пунктов: 2 · назначений: 2 · выполнено: 0% · в срок: — · просрочено: 100% (2)" in text
    by_name = await chat.press(observer, "по названию", overview)
    named = by_name.text or ""
    assert "по названию" in named.split("\n")[0]
    assert named.index("Агрокластер") < named.index("Кластер транспорта")  # А before К too
    by_overdue_again = await chat.press(observer, "по просрочке", by_name)
    assert "по доле просроченных" in (by_overdue_again.text or "")


async def test_a_coordinator_has_no_overview(chat: Chat, world: PlanWorld) -> None:
    answer = await chat.say(world.coordinator, "/stats")
    assert not [b for b in answer.buttons() if "Обзор" in str(b.get("text"))]


async def test_a_long_overview_is_split_between_lines_within_telegrams_limit(
    chat: Chat, world: PlanWorld, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    async with session_factory() as session:
        for n in range(60):
            session.add(
                Cluster(
                    name=f"Кластер {n:02d} " + "очень длинного названия " * 10,
                    region="Область",
                    timezone="Asia/Tomsk",
                    created_at=TODAY,
                )
            )
        await session.commit()
    admin = chat.fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await chat.say(admin, "/start")
    before = len(chat.messages(admin))
    await chat.press(admin, "🗺 Обзор по кластерам", await chat.say(admin, "/stats"))
    parts = chat.messages(admin)[before + 1 :]
    assert len(parts) > 1
    assert all(len(p.text or "") <= MESSAGE_LIMIT for p in parts)
    joined = "\n".join(p.text or "" for p in parts)
    assert "61 кластер," in joined
    assert all(f"Кластер {n:02d} " in joined for n in range(60))
    assert parts[-1].buttons()
    assert not any(p.buttons() for p in parts[:-1])


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [(0, 5, 0), (5, 5, 100), (1, 300, 1), (299, 300, 99), (2, 3, 67), (1, 3, 33), (1, 0, None)],
)
def test_a_share_is_shown_in_whole_percent_and_never_rounded_to_all_or_none(
    part: int, whole: int, shown: int | None
) -> None:
    assert percent(part, whole) == shown


async def _stats_statements(
    engine: AsyncEngine,
    factory: async_sessionmaker[AsyncSession],
    chat: Chat,
    size: int,
    first_telegram_id: int,
) -> int:
    world = await seed_plan(
        factory,
        chat.fake,
        items=size,
        colleges=size,
        reports=True,
        first_telegram_id=first_telegram_id,
        cluster_name=f"Кластер {first_telegram_id}",
    )
    await chat.say(world.coordinator, "/start")
    counter = StatementCounter(engine)
    try:
        answer = await chat.say(world.coordinator, "/stats")
    finally:
        counter.close()
    assert f"назначено {size * size}" in (answer.text or "")
    return counter.statements


async def test_stats_run_as_many_statements_for_a_small_and_a_large_cluster(
    chat: Chat, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    small = await _stats_statements(engine, session_factory, chat, 3, 7000)
    large = await _stats_statements(engine, session_factory, chat, 12, 8000)
    assert small == large


async def test_the_overview_runs_as_many_statements_for_few_and_many_clusters(
    chat: Chat, engine: AsyncEngine, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    admin = chat.fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await chat.say(admin, "/start")
    counts = []
    for first, extra in ((7000, 2), (8000, 10)):
        for n in range(extra):
            await seed_plan(
                session_factory,
                chat.fake,
                items=2,
                colleges=2,
                reports=True,
                first_telegram_id=first + 20 * n,
                cluster_name=f"Кластер {first + n}",
            )
        menu = await chat.say(admin, "/stats")
        counter = StatementCounter(engine)
        try:
            await chat.press(admin, "🗺 Обзор по кластерам", menu)
        finally:
            counter.close()
        counts.append(counter.statements)
    assert counts[0] == counts[1]
