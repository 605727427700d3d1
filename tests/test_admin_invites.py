"""Issue 9, defect 8: a used admin link grants admin again later, even after revocation and after
the admin right was taken away. A link grants once per person; a used or revoked link never
grants anything again — the same holds for a cluster's links and a membership taken away."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.people import UserInfo
from bot.errors import InviteInvalid
from bot.services.invites import InviteTokens
from bot.services.joining import JoinForm
from bot.services.onboarding import StartOutcome
from bot.services.registry import ServiceSettings, build_services
from storage.models import Invite, InviteRole, MemberRole, Membership, Person
from storage.uow import Storage
from tests.chat import Chat
from tests.conftest import CoordinatorCluster
from tests.fakes import FixedClock

ALICE = UserInfo(telegram_id=1001, first_name="Алиса", last_name="Петрова", language_code="ru")
BOB = UserInfo(telegram_id=1002, first_name="Борис")


async def _admin_link(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, uses: int = 1
) -> str:
    async with factory() as session:
        created = await InviteTokens(Storage(session), clock).create(
            InviteRole.ADMIN, ttl=timedelta(hours=24), max_uses=uses
        )
        return created.token


async def _start(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, user: UserInfo, token: str
) -> StartOutcome:
    async with factory() as session:
        services = build_services(Storage(session), clock, ServiceSettings())
        return await services.onboarding.start(user, token)


async def _take_admin_away(factory: async_sessionmaker[AsyncSession], user: UserInfo) -> None:
    async with factory() as session:
        await session.execute(
            update(Person).where(Person.telegram_id == user.telegram_id).values(is_admin=False)
        )
        await session.commit()


async def _is_admin(factory: async_sessionmaker[AsyncSession], user: UserInfo) -> bool:
    async with factory() as session:
        found = await session.scalar(
            select(Person.is_admin).where(Person.telegram_id == user.telegram_id)
        )
    return bool(found)


async def _used_count(factory: async_sessionmaker[AsyncSession]) -> int:
    async with factory() as session:
        return int(await session.scalar(select(Invite.used_count)) or 0)


async def test_a_used_admin_link_does_not_grant_admin_again_after_the_right_was_taken_away(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    token = await _admin_link(session_factory, clock)
    assert (await _start(session_factory, clock, ALICE, token)).granted_admin
    await _take_admin_away(session_factory, ALICE)
    with pytest.raises(InviteInvalid) as error:
        await _start(session_factory, clock, ALICE, token)
    assert error.value.key == "invite-used-up"
    assert not await _is_admin(session_factory, ALICE)


async def test_a_used_and_revoked_admin_link_grants_nothing_to_the_one_who_used_it(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    token = await _admin_link(session_factory, clock, uses=5)
    await _start(session_factory, clock, ALICE, token)
    async with session_factory() as session:
        await session.execute(update(Invite).values(revoked_at=clock.now()))
        await session.commit()
    await _take_admin_away(session_factory, ALICE)
    with pytest.raises(InviteInvalid):
        await _start(session_factory, clock, ALICE, token)
    assert not await _is_admin(session_factory, ALICE)
    with pytest.raises(InviteInvalid) as error:
        await _start(session_factory, clock, BOB, token)
    assert error.value.key == "invite-revoked"
    assert not await _is_admin(session_factory, BOB)


async def test_a_multi_use_admin_link_grants_once_per_person_and_stays_for_the_others(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    token = await _admin_link(session_factory, clock, uses=2)
    await _start(session_factory, clock, ALICE, token)
    await _take_admin_away(session_factory, ALICE)
    with pytest.raises(InviteInvalid):
        await _start(session_factory, clock, ALICE, token)
    assert await _used_count(session_factory) == 1
    assert (await _start(session_factory, clock, BOB, token)).granted_admin


async def test_an_administrator_opening_an_admin_link_leaves_it_unused(
    session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    async with session_factory() as session:
        services = build_services(
            Storage(session), clock, ServiceSettings(admin_ids=(ALICE.telegram_id,))
        )
        token = (
            await InviteTokens(Storage(session), clock).create(
                InviteRole.ADMIN, ttl=timedelta(hours=1)
            )
        ).token
        outcome = await services.onboarding.start(ALICE, token)
    assert outcome.is_admin
    assert not outcome.granted_admin
    assert await _used_count(session_factory) == 0
    assert (await _start(session_factory, clock, BOB, token)).granted_admin


async def test_a_member_removed_from_the_cluster_cannot_rejoin_through_the_link_they_used(
    session_factory: async_sessionmaker[AsyncSession],
    clock: FixedClock,
    coordinator_cluster: CoordinatorCluster,
) -> None:
    async with session_factory() as session:
        storage = Storage(session)
        services = build_services(storage, clock, ServiceSettings())
        coordinator = await storage.persons.get(coordinator_cluster.person_id)
        assert coordinator is not None
        created = await services.invites.create_invite(
            coordinator,
            coordinator_cluster.cluster_id,
            MemberRole.EXECUTOR,
            organization="Колледж связи",
            max_uses=5,
        )
    outcome = await _start(session_factory, clock, ALICE, created.token)
    assert outcome.join is not None
    async with session_factory() as session:
        services = build_services(Storage(session), clock, ServiceSettings())
        await services.joining.join(
            outcome.person, created.invite.id, JoinForm("Алиса Петрова", None, None)
        )
    async with session_factory() as session:
        await session.execute(
            update(Membership)
            .where(Membership.person_id == outcome.person.id)
            .values(removed_at=clock.now())
        )
        await session.commit()
    with pytest.raises(InviteInvalid) as error:
        await _start(session_factory, clock, ALICE, created.token)
    assert error.value.key == "invite-used-up"
    assert (await _start(session_factory, clock, BOB, created.token)).join is not None


async def test_reopening_a_used_admin_link_in_the_chat_is_refused_politely(
    chat: Chat, session_factory: async_sessionmaker[AsyncSession], clock: FixedClock
) -> None:
    token = await _admin_link(session_factory, clock)
    user = chat.fake.user(ALICE.telegram_id, "Алиса", "Петрова")
    granted = await chat.say(user, f"/start {token}")
    assert "администратор" in granted.text
    await _take_admin_away(session_factory, ALICE)
    refused = await chat.say(user, f"/start {token}")
    assert "уже использована" in refused.text
    assert not await _is_admin(session_factory, ALICE)
