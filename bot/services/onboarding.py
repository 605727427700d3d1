"""/start: register the person, redeem an admin link or offer a cluster's, say where they stand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.clock import Clock
from bot.domain.people import UserInfo
from bot.services import audit
from bot.services.invites import InviteTokens
from bot.services.joining import JoiningService, JoinOffer
from bot.services.people import PeopleService
from storage.models import Cluster, InviteRole, MemberRole, Membership, Person
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class StartOutcome:
    person: Person
    is_admin: bool
    memberships: Sequence[Membership] = field(default_factory=tuple)
    granted_admin: bool = False
    # A cluster's link: the joining dialog asks for the person's details, then redeems it.
    join: JoinOffer | None = None
    # Clusters the person coordinates that have no plan yet: the next step is to send it.
    clusters_without_plan: Sequence[Cluster] = field(default_factory=tuple)


class OnboardingService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        people: PeopleService,
        tokens: InviteTokens,
        joining: JoiningService,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.people = people
        self.tokens = tokens
        self.joining = joining

    async def start(self, user: UserInfo, payload: str | None) -> StartOutcome:
        person = await self.people.ensure(user, private_chat=True)
        is_admin = self.people.is_admin(person, user.telegram_id)
        granted_admin = False
        if payload:
            invite = await self.tokens.find(payload)
            if invite.role is not InviteRole.ADMIN:
                offer = await self.joining.offer(person, invite)
                await self.storage.commit()
                return StartOutcome(person=person, is_admin=is_admin, join=offer)
            # An administrator already (by an earlier link or by the config): the link is left
            # unused, for whom it was meant. Anyone else claims it, and a link this person used
            # before, or a revoked or expired one, is refused: it never grants admin again.
            if not is_admin:
                await self.tokens.claim(invite, person)
                person.is_admin = is_admin = granted_admin = True
                await audit.record(
                    self.storage,
                    at=self.clock.now(),
                    action="person.admin_granted",
                    entity="person",
                    entity_id=person.id,
                    actor_id=person.id,
                    invite_id=invite.id,
                )
        await self.storage.commit()
        memberships = await self.storage.memberships.active_of_person(person.id)
        without_plan = [
            m.cluster
            for m in memberships
            if m.role is MemberRole.COORDINATOR
            and not await self.storage.plans.documents_of_cluster(m.cluster_id)
        ]
        return StartOutcome(
            person=person,
            is_admin=is_admin,
            memberships=memberships,
            granted_admin=granted_admin,
            clusters_without_plan=without_plan,
        )
