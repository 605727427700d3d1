"""Issue 9, defect 7: a coordinator opening their own invite link is left as they were. Joining
never lowers a role and never removes the last coordinator; a link that would change nothing
(the very role a coordinator or an observer holds) is left unused for whom it was meant."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Invite, MemberRole, Membership
from tests.chat import Chat
from tests.conftest import CoordinatorCluster

LINK = re.compile(r"https://t\.me/\w+\?start=(\S+)")


async def _link(chat: Chat, coordinator_cluster: CoordinatorCluster, role: str) -> str:
    coordinator = coordinator_cluster.user
    await chat.say(coordinator, "/invite")
    created = await chat.press(coordinator, role)
    match = LINK.search(created.text)
    assert match, created.text
    return match[1]


async def _memberships_and_uses(
    session_factory: async_sessionmaker[AsyncSession],
) -> tuple[list[MemberRole], int]:
    async with session_factory() as session:
        roles = list((await session.execute(select(Membership.role))).scalars())
        uses = (await session.execute(select(Invite.used_count))).scalar_one()
    return roles, uses


async def test_the_only_coordinator_opening_their_own_coordinator_link_leaves_it_unused(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    coordinator = coordinator_cluster.user
    token = await _link(chat, coordinator_cluster, "координатор")
    answer = await chat.say(coordinator, f"/start {token}")
    assert "с ролью «координатор», поэтому ничего не изменится" in answer.text
    assert "перешлите её" in answer.text
    assert await chat.state(coordinator) is None
    assert await _memberships_and_uses(session_factory) == ([MemberRole.COORDINATOR], 0)

    colleague = chat.fake.user(3201, "Пётр", "Смирнов")
    await chat.say(colleague, f"/start {token}")
    welcome = await chat.say(colleague, "Смирнов Пётр")
    if "Пропустить" in str(welcome.buttons()):
        welcome = await chat.press(colleague, "Пропустить")
    roles, uses = await _memberships_and_uses(session_factory)
    assert roles == [MemberRole.COORDINATOR, MemberRole.COORDINATOR]
    assert uses == 1


async def test_the_only_coordinator_opening_an_observers_link_stays_coordinator(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    coordinator = coordinator_cluster.user
    token = await _link(chat, coordinator_cluster, "наблюдатель")
    answer = await chat.say(coordinator, f"/start {token}")
    assert "ваша роль не изменится" in answer.text
    assert await _memberships_and_uses(session_factory) == ([MemberRole.COORDINATOR], 0)


async def _every_stored_value(session_factory: async_sessionmaker[AsyncSession]) -> str:
    from storage.models import Base

    async with session_factory() as session:
        rows = [
            str(tuple(row))
            for table in Base.metadata.sorted_tables
            for row in (await session.execute(select(table))).all()
        ]
    return "\n".join(rows)


async def test_no_table_holds_the_raw_invite_token_while_someone_joins_or_after(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    """Defect 15: the dialog state keeps the invite's id; only the token's hash is stored."""
    token = await _link(chat, coordinator_cluster, "наблюдатель")
    guest = chat.fake.user(3202, "Нина", "Орлова")
    await chat.say(guest, f"/start {token}")
    assert "invite_id" in str(await chat.data(guest))
    assert token not in await _every_stored_value(session_factory)
    await chat.say(guest, "Орлова Нина")
    await chat.press(guest, "Пропустить")
    roles, uses = await _memberships_and_uses(session_factory)
    assert (sorted(roles), uses) == ([MemberRole.COORDINATOR, MemberRole.OBSERVER], 1)
    assert token not in await _every_stored_value(session_factory)
