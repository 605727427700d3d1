"""/start: register the person, redeem an invite from the deep link, say where they stand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.domain.people import UserInfo
from bot.services import audit
from bot.services.invites import InviteService, hash_token
from bot.services.people import PeopleService
from storage.models import Invite, InviteRole, Membership, Person
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class StartOutcome:
    person: Person
    is_admin: bool
    memberships: Sequence[Membership] = field(default_factory=tuple)
    granted_admin: bool = False
    # A cluster invite: the joining dialog asks for the person's details, then redeems it.
    join_invite: Invite | None = None


class OnboardingService:
    def __init__(
        self, storage: Storage, clock: Clock, people: PeopleService, invites: InviteService
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.people = people
        self.invites = invites

    async def start(self, user: UserInfo, payload: str | None) -> StartOutcome:
        person = await self.people.ensure(user, private_chat=True)
        granted_admin = False
        if payload:
            invite = await self.storage.invites.by_token_hash(hash_token(payload))
            if invite is not None and invite.role is not InviteRole.ADMIN:
                await self.storage.commit()
                return StartOutcome(
                    person=person,
                    is_admin=self.people.is_admin(person, user.telegram_id),
                    join_invite=invite,
                )
            redeemed = await self.invites.claim(payload, person)
            if not person.is_admin:
                person.is_admin = True
                granted_admin = True
                await audit.record(
                    self.storage,
                    at=self.clock.now(),
                    action="person.admin_granted",
                    entity="person",
                    entity_id=person.id,
                    actor_id=person.id,
                    invite_id=redeemed.invite.id,
                )
        await self.storage.commit()
        memberships = await self.storage.memberships.active_of_person(person.id)
        return StartOutcome(
            person=person,
            is_admin=self.people.is_admin(person, user.telegram_id),
            memberships=memberships,
            granted_admin=granted_admin,
        )
