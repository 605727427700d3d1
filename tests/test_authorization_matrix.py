"""Every command and button × every kind of person: allowed, or politely refused with nothing
changed. Rights are checked on the server, whatever buttons a person manages to press."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from aiogram import Bot, Dispatcher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.drafts import DraftKind, ReportDraft
from bot.services.imports import parse_upload, sha256
from bot.services.registry import ServiceSettings, build_services
from storage.models import (
    Assignment,
    AuditEntry,
    Cluster,
    Invite,
    MemberRole,
    Membership,
    Organization,
    Person,
    PlanRole,
    Report,
)
from storage.uow import Storage
from tests.conftest import ADMIN_TELEGRAM_ID
from tests.fake_telegram import FakeTelegram
from tests.fakes import FixedClock

NOW = datetime(2022, 3, 1, 9, tzinfo=UTC)
PLAN_A = (
    "ПЛАН РАБОТЫ КЛАСТЕРА А НА 2022 ГОД\n\n"
    "№\tНаименование мероприятия\tИсполнители\tСрок\n"
    "1.\tДни открытых дверей\tРуководители ПОО\tдо 01.05.2022\n"
    "2.\tОтчёт о работе\tРуководители ПОО\tдекабрь\n"
)
PLAN_B = (
    "ПЛАН РАБОТЫ КЛАСТЕРА Б НА 2022 ГОД\n\n"
    "№\tНаименование мероприятия\tИсполнители\tСрок\n"
    "7.\tКонкурс мастерства\tРуководители ПОО\tиюнь\n"
)
PEOPLE = {
    "stranger": 4001,
    "observer": 4002,
    "executor-of-another-cluster": 4003,
    "executor": 4004,
    "coordinator": 4005,
    "administrator": ADMIN_TELEGRAM_ID,
}
REFUSALS = (
    "недоступно",
    "только координатор",
    "только администратор",
    "только его исполнитель",
    "не найден",
    "нет открытого пункта",
    "не состоите",
    "может координатор",
    "Сначала отправьте мне /start",
    "устарела",
    "уже отправлен",
)


@dataclass
class World:
    cluster_a: int
    cluster_b: int
    assignment_a: int
    report_a: int
    item_a: int
    executor_membership: int
    invite_a: int


async def _import(factory: async_sessionmaker[AsyncSession], cluster_id: int, text: str) -> None:
    async with factory() as session:
        services = build_services(Storage(session), FixedClock(NOW), ServiceSettings())
        parsed = parse_upload(
            text.encode(), "plan.txt", max_bytes=10**6, reference=date(2022, 3, 1)
        )
        await services.imports.apply(
            cluster_id, parsed, source_hash=sha256(text.encode()), filename="p.txt", actor=None
        )


@pytest.fixture
async def world(session_factory: async_sessionmaker[AsyncSession]) -> World:
    async with session_factory() as session:
        a = Cluster(name="Кластер А", region="", timezone="Europe/Moscow", created_at=NOW)
        b = Cluster(name="Кластер Б", region="", timezone="Europe/Moscow", created_at=NOW)
        session.add_all([a, b])
        await session.flush()
        people = {
            key: Person(
                telegram_id=tg,
                full_name=key,
                is_admin=False,
                private_chat_started=True,
                created_at=NOW,
            )
            for key, tg in PEOPLE.items()
        }
        session.add_all(people.values())
        await session.commit()
        cluster_a, cluster_b = a.id, b.id
    await _import(session_factory, cluster_a, PLAN_A)
    await _import(session_factory, cluster_b, PLAN_B)
    async with session_factory() as session:
        persons = {p.full_name: p for p in (await session.execute(select(Person))).scalars()}
        heads = {
            r.cluster_id: r
            for r in (await session.execute(select(PlanRole))).scalars()
            if r.name == "Руководители ПОО"
        }
        college_a = Organization(cluster_id=cluster_a, name="Колледж А", is_college=True)
        college_b = Organization(cluster_id=cluster_b, name="Колледж Б", is_college=True)
        session.add_all([college_a, college_b])
        await session.flush()

        def member(
            key: str, cluster: int, role: MemberRole, org: int | None, roles: list[PlanRole]
        ) -> Membership:
            return Membership(
                cluster_id=cluster,
                person_id=persons[key].id,
                role=role,
                organization_id=org,
                joined_at=NOW,
                plan_roles=roles,
            )

        executor = member(
            "executor", cluster_a, MemberRole.EXECUTOR, college_a.id, [heads[cluster_a]]
        )
        session.add_all(
            [
                member("observer", cluster_a, MemberRole.OBSERVER, None, []),
                member(
                    "executor-of-another-cluster",
                    cluster_b,
                    MemberRole.EXECUTOR,
                    college_b.id,
                    [heads[cluster_b]],
                ),
                executor,
                member("coordinator", cluster_a, MemberRole.COORDINATOR, None, []),
            ]
        )
        await session.commit()
        services = build_services(
            Storage(session), FixedClock(NOW), ServiceSettings(admin_ids=(ADMIN_TELEGRAM_ID,))
        )
        await services.assignments.sync(cluster_a)
        await services.assignments.sync(cluster_b)
        await session.commit()
        assignments = (
            (await session.execute(select(Assignment).order_by(Assignment.id))).scalars().all()
        )
        assignment_a = assignments[0]
        # Item 2 of cluster A already has a report waiting for the coordinator.
        second = assignments[1]
        draft = ReportDraft(second.id, DraftKind.DONE, text="Сделано")
        report = (await services.reports.submit(persons["executor"], draft)).report
        invite = await services.invites.create_invite(
            persons["coordinator"], cluster_a, MemberRole.EXECUTOR
        )
        from storage.models import Occurrence

        occurrence = await session.get(Occurrence, assignment_a.occurrence_id)
        assert occurrence is not None
        return World(
            cluster_a,
            cluster_b,
            assignment_a.id,
            report.id,
            occurrence.item_id,
            executor.id,
            invite.invite.id,
        )


async def _snapshot(factory: async_sessionmaker[AsyncSession]) -> tuple[object, ...]:
    async with factory() as session:
        counts = [
            (await session.execute(select(func.count()).select_from(model))).scalar_one()
            for model in (Report, Cluster, Membership, Invite, AuditEntry)
        ]
        statuses = tuple(
            (a.id, a.status.value)
            for a in (await session.execute(select(Assignment).order_by(Assignment.id))).scalars()
        )
        removed = tuple(
            m.removed_at is not None
            for m in (await session.execute(select(Membership).order_by(Membership.id))).scalars()
        )
        revoked = tuple(
            i.revoked_at is not None
            for i in (await session.execute(select(Invite).order_by(Invite.id))).scalars()
        )
    return (*counts, statuses, removed, revoked)


# (action, who may do it). Actions are text commands or button presses (callback data).
ALL = set(PEOPLE)
MATRIX: list[tuple[str, set[str]]] = [
    (
        "/plan",
        {"observer", "executor", "coordinator", "administrator", "executor-of-another-cluster"},
    ),
    ("/item 1", {"observer", "executor", "coordinator", "administrator"}),
    ("/history 1", {"observer", "executor", "coordinator", "administrator"}),
    ("/done 1 Провели", {"executor"}),
    ("/invite", {"coordinator", "administrator"}),
    ("/invites", {"coordinator", "administrator"}),
    ("/members", {"coordinator", "administrator"}),
    ("/newcluster", {"administrator"}),
    ("asg:done:{assignment_a}", {"executor", "coordinator", "administrator"}),
    ("asg:info:{assignment_a}", {"executor", "coordinator", "administrator"}),
    ("asg:move:{assignment_a}", {"executor", "coordinator", "administrator"}),
    ("rep:acc:{report_a}", {"coordinator", "administrator"}),
    ("rep:ret:{report_a}", {"coordinator", "administrator"}),
    ("mem:remove:{executor_membership}", {"coordinator", "administrator"}),
    ("inv:revoke:{invite_a}", {"coordinator", "administrator"}),
    ("itm:files:{item_a}:0", {"observer", "executor", "coordinator", "administrator"}),
    ("und:list:{cluster_a}:0", {"coordinator", "administrator"}),
    ("und:item:{cluster_a}:{item_a}", {"coordinator", "administrator"}),
    ("itm:executors:{item_a}:0", {"coordinator", "administrator"}),
    ("itm:close:{item_a}:0", {"coordinator", "administrator"}),
    ("itm:cancel:{item_a}:0", {"coordinator", "administrator"}),
    ("/additem", {"coordinator", "administrator"}),
]


def _last_answer(fake: FakeTelegram, chat_id: int, before_calls: int) -> str:
    texts = []
    for call in fake.calls[before_calls:]:
        if (
            call.method in ("sendMessage", "editMessageText")
            and call.params.get("chat_id") == chat_id
        ):
            texts.append(str(call.params.get("text", "")))
        if call.method == "answerCallbackQuery" and call.params.get("text"):
            texts.append(str(call.params["text"]))
    return "\n".join(texts)


@pytest.mark.parametrize("who", list(PEOPLE))
@pytest.mark.parametrize(
    ("action", "allowed"),
    MATRIX,
    ids=[m[0].split(":")[0] + ":" + m[0].split(":")[1] if ":" in m[0] else m[0] for m in MATRIX],
)
async def test_an_action_is_allowed_or_politely_refused(
    dispatcher: Dispatcher,
    bot: Bot,
    fake: FakeTelegram,
    session_factory: async_sessionmaker[AsyncSession],
    world: World,
    who: str,
    action: str,
    allowed: set[str],
) -> None:
    user = fake.user(PEOPLE[who], who)
    before = await _snapshot(session_factory)
    calls = len(fake.calls)
    if action.startswith("/"):
        await dispatcher.feed_update(bot, fake.send_text(user, action))
    else:
        data = action.format(**world.__dict__)
        message = await bot.send_message(
            user.id,
            "кнопка",
            reply_markup={"inline_keyboard": [[{"text": "x", "callback_data": data}]]},
        )  # type: ignore[arg-type]
        stored = fake.last_message_to(user.id)
        assert stored.message_id == message.message_id
        calls = len(fake.calls)
        await dispatcher.feed_update(bot, fake.press(user, stored, data))
    answer = _last_answer(fake, user.id, calls)
    assert answer, f"{who} got no answer to {action}"
    assert "Traceback" not in answer
    assert "что-то пошло не так" not in answer
    refused = any(phrase in answer for phrase in REFUSALS)
    if who in allowed:
        assert not refused, f"{who} was refused {action}: {answer}"
    else:
        assert refused, f"{who} was allowed {action}: {answer}"
        assert await _snapshot(session_factory) == before, f"{action} by {who} changed data"
    if who == "executor-of-another-cluster":
        assert "Кластер А" not in answer  # nothing of a cluster one is not in
