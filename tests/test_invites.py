"""Invite links: stored hashed, expire, have a use limit, and make an administrator once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.domain.people import UserInfo
from bot.errors import InviteInvalid
from bot.services.invites import InviteTokens, hash_token
from bot.services.registry import ServiceSettings, build_services
from storage.models import AuditEntry, Invite, InviteRole, Person
from storage.uow import Storage
from tests.fakes import FixedClock

ALICE = UserInfo(telegram_id=1001, first_name="Алиса", last_name="Петрова", language_code="ru")
BOB = UserInfo(telegram_id=1002, first_name="Борис")


async def _create(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, **kwargs: object
) -> str:
    async with factory() as session:
        created = await InviteTokens(Storage(session), clock).create(
            InviteRole.ADMIN,
            ttl=timedelta(hours=1),
            **kwargs,  # type: ignore[arg-type]
        )
        return created.token


async def _start(
    factory: async_sessionmaker[AsyncSession], clock: FixedClock, user: UserInfo, token: str | None
) -> object:
    async with factory() as session:
        services = build_services(Storage(session), clock, ServiceSettings())
        return await services.onboarding.start(user, token)


async def test_only_the_hash_of_the_token_is_stored(session_factory, clock) -> None:
    token = await _create(session_factory, clock)
    async with session_factory() as session:
        invite = (await session.execute(select(Invite))).scalar_one()
    assert invite.token_hash == hash_token(token)
    assert token not in invite.token_hash


async def test_opening_an_admin_invite_makes_the_user_an_administrator(
    session_factory, clock
) -> None:
    token = await _create(session_factory, clock)
    outcome = await _start(session_factory, clock, ALICE, token)
    assert outcome.granted_admin
    assert outcome.is_admin
    async with session_factory() as session:
        person = (await session.execute(select(Person))).scalar_one()
        actions = (await session.execute(select(AuditEntry.action))).scalars().all()
    assert person.is_admin
    assert person.full_name == "Алиса Петрова"
    assert "person.admin_granted" in actions


async def test_a_one_time_invite_cannot_be_used_by_a_second_person(session_factory, clock) -> None:
    token = await _create(session_factory, clock)
    await _start(session_factory, clock, ALICE, token)
    with pytest.raises(InviteInvalid) as error:
        await _start(session_factory, clock, BOB, token)
    assert error.value.key == "invite-used-up"
    async with session_factory() as session:
        bob = (
            await session.execute(select(Person).where(Person.telegram_id == BOB.telegram_id))
        ).scalar_one_or_none()
    assert bob is None  # the refused start changed nothing


async def test_the_same_person_opening_the_link_again_is_harmless(session_factory, clock) -> None:
    token = await _create(session_factory, clock)
    await _start(session_factory, clock, ALICE, token)
    again = await _start(session_factory, clock, ALICE, token)
    assert again.is_admin
    assert not again.granted_admin


async def test_an_expired_invite_is_refused(session_factory, clock) -> None:
    token = await _create(session_factory, clock)
    clock.advance(hours=2)
    with pytest.raises(InviteInvalid) as error:
        await _start(session_factory, clock, ALICE, token)
    assert error.value.key == "invite-expired"


async def test_an_unknown_token_is_refused(session_factory, clock) -> None:
    with pytest.raises(InviteInvalid) as error:
        await _start(session_factory, clock, ALICE, "not-a-real-token")
    assert error.value.key == "invite-unknown"


async def test_a_member_invite_needs_a_cluster(session_factory, clock) -> None:
    async with session_factory() as session:
        with pytest.raises(InviteInvalid):
            await InviteTokens(Storage(session), clock).create(
                InviteRole.EXECUTOR, ttl=timedelta(hours=1)
            )


async def test_two_people_racing_for_a_one_time_invite_give_exactly_one_administrator(
    session_factory, clock
) -> None:
    token = await _create(session_factory, clock)
    results = await asyncio.gather(
        _start(session_factory, clock, ALICE, token),
        _start(session_factory, clock, BOB, token),
        return_exceptions=True,
    )
    refused = [r for r in results if isinstance(r, InviteInvalid)]
    assert len(refused) == 1
    async with session_factory() as session:
        admins = (await session.execute(select(func.count()).where(Person.is_admin))).scalar_one()
        invite = (await session.execute(select(Invite))).scalar_one()
    assert admins == 1
    assert invite.used_count == 1


async def test_admin_ids_from_the_config_are_administrators_without_an_invite(
    session_factory, clock
) -> None:
    async with session_factory() as session:
        services = build_services(
            Storage(session), clock, ServiceSettings(admin_ids=(ALICE.telegram_id,))
        )
        outcome = await services.onboarding.start(ALICE, None)
    assert outcome.is_admin
    assert not outcome.granted_admin
