"""/help lists every command the person may use, by role (issue 8), in private and in a group."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import MemberRole, Membership, Person
from tests.chat import Chat
from tests.conftest import ADMIN_TELEGRAM_ID, CoordinatorCluster

STRANGER = ("/start", "/help")
EXECUTOR = ("/my", "/done", "/plan", "/item", "/history", "/cancel")
COORDINATOR = ("/invite", "/invites", "/members", "/additem", "/bind", "файл плана")
ADMIN = ("/newcluster",)


async def _member(
    factory: async_sessionmaker[AsyncSession], chat: Chat, cluster_id: int, role: MemberRole
) -> None:
    user = chat.fake.user(5001, "Участник")
    await chat.say(user, "/start")
    async with factory() as session:
        person = (
            await session.execute(select(Person).where(Person.telegram_id == user.id))
        ).scalar_one()
        session.add(
            Membership(
                cluster_id=cluster_id,
                person_id=person.id,
                role=role,
                joined_at=person.created_at,
            )
        )
        await session.commit()


def _has(text: str, commands: tuple[str, ...]) -> bool:
    return all(command in text for command in commands)


def _has_none(text: str, commands: tuple[str, ...]) -> bool:
    return not any(command in text for command in commands)


async def test_a_stranger_is_shown_only_start_and_help_and_how_to_join(chat: Chat) -> None:
    text = (await chat.say(chat.fake.user(5000, "Гость"), "/help")).text
    assert _has(text, STRANGER)
    assert "ссылку-приглашение" in text
    assert _has_none(text, EXECUTOR + COORDINATOR + ADMIN)


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        (MemberRole.EXECUTOR, EXECUTOR, (*COORDINATOR, *ADMIN, "/summary", "/stats", "/export")),
        (
            MemberRole.OBSERVER,
            ("/plan", "/item", "/history", "/cancel", "/summary", "/stats", "/export"),
            ("/my", "/done", *COORDINATOR),
        ),
    ],
)
async def test_a_member_is_shown_the_commands_of_their_role(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
    role: MemberRole,
    shown: tuple[str, ...],
    hidden: tuple[str, ...],
) -> None:
    await _member(session_factory, chat, coordinator_cluster.cluster_id, role)
    text = (await chat.say(chat.fake.user(5001, "Участник"), "/help")).text
    assert _has(text, shown)
    assert _has_none(text, hidden)


async def test_a_coordinator_is_shown_the_executors_commands_and_their_own(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    text = (await chat.say(coordinator_cluster.user, "/help")).text
    assert _has(text, EXECUTOR + COORDINATOR)
    assert _has_none(text, ADMIN)


async def test_an_administrator_is_shown_every_command(chat: Chat) -> None:
    admin = chat.fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await chat.say(admin, "/start")
    text = (await chat.say(admin, "/help")).text
    assert _has(text, EXECUTOR + COORDINATOR + ADMIN)


async def test_help_in_a_group_lists_the_group_commands(chat: Chat) -> None:
    group = chat.fake.group(-5002, "Кластер")
    text = (await chat.say(chat.fake.user(5003, "Кто-то"), "/help", chat=group)).text
    assert _has(text, ("/done", "/plan", "/bind"))
    assert _has_none(text, ("/my", "/invite", "/newcluster"))
