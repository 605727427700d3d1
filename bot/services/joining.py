"""Joining a cluster by an invite link: the person's details, then the membership it grants."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.errors import InvalidInput, InviteInvalid
from bot.services import audit
from bot.services.assignments import AssignmentService
from bot.services.invites import (
    InviteDetails,
    InviteService,
    InviteTokens,
    clean_name,
    organization_named,
)
from storage.models import Cluster, Invite, MemberRole, Membership, Person
from storage.uow import Storage

# Joining by a link never lowers a role: a coordinator who opens an executor's link stays one.
_RANK = {MemberRole.OBSERVER: 0, MemberRole.EXECUTOR: 1, MemberRole.COORDINATOR: 2}


def outranks(held: MemberRole, offered: MemberRole) -> bool:
    return _RANK[held] > _RANK[offered]


def keeps(held: MemberRole | None, offered: MemberRole) -> bool:
    """Whether a link leaves the person's membership as it is, and the link unused: a higher
    role than it offers, or the very role a coordinator or an observer already holds (an
    executor's link may still name their college and plan roles)."""
    if held is None:
        return False
    return outranks(held, offered) or (held is offered and held is not MemberRole.EXECUTOR)


@dataclass(frozen=True, slots=True)
class JoinForm:
    full_name: str
    organization: str | None  # typed when the invite names none (see JoinOffer)
    position: str | None


@dataclass(frozen=True, slots=True)
class JoinOffer:
    details: InviteDetails
    held_role: MemberRole | None  # the person's role in that cluster already, if any

    @property
    def asks_organization(self) -> bool:
        """An executor reports for an organization: asked when the invite names none."""
        return self.details.organization is None and self.details.role is MemberRole.EXECUTOR

    @property
    def keeps_role(self) -> bool:
        """The person already holds a higher role, or this one: the link is left for whom it was
        meant."""
        return keeps(self.held_role, self.details.role)


@dataclass(frozen=True, slots=True)
class Joined:
    cluster: Cluster
    membership: Membership
    offered: MemberRole
    # The person already held a higher role there: nothing changed, the link was not used.
    kept_role: bool
    # A coordinator's next step starts with the plan file while the cluster has none.
    cluster_has_plan: bool


class JoiningService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        tokens: InviteTokens,
        invites: InviteService,
        assignments: AssignmentService,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.tokens = tokens
        self.invites = invites
        self.assignments = assignments

    async def offer(self, person: Person, invite: Invite) -> JoinOffer:
        """What a usable link offers the person, before any details are asked (no commit).

        A link the person used before is refused here, before they type anything: it does not
        bring back a membership that was taken away."""
        await self.tokens.check_usable_by(invite, person)
        details = await self.invites.details(invite)
        membership = await self.storage.memberships.active(details.cluster.id, person.id)
        return JoinOffer(details, membership.role if membership else None)

    def check_name(self, typed: str) -> str:
        """The person's full name as it will be stored; refused when too short."""
        full_name = clean_name(typed)
        if not full_name or len(full_name) < 3:
            raise InvalidInput("join-bad-name")
        return full_name

    def check_organization(self, typed: str) -> str:
        name = clean_name(typed)
        if not name or len(name) < 2:
            raise InvalidInput("join-ask-organization")
        return name

    async def join(self, person: Person, invite_id: int, form: JoinForm) -> Joined:
        full_name = self.check_name(form.full_name)
        invite = await self.storage.invites.get(invite_id)
        if invite is None or invite.cluster_id is None:
            raise InviteInvalid("invite-unknown")
        cluster_id = invite.cluster_id
        cluster = await self.storage.clusters.get(cluster_id)
        if cluster is None:
            raise InviteInvalid("invite-unknown")
        offered = MemberRole(invite.role.value)
        membership = await self.storage.memberships.active(cluster_id, person.id)
        if membership is not None and keeps(membership.role, offered):
            return Joined(cluster, membership, offered, kept_role=True, cluster_has_plan=True)
        await self.tokens.claim(invite, person)
        now = self.clock.now()
        organization = (
            await self.storage.organizations.get(invite.organization_id)
            if invite.organization_id
            else await organization_named(self.storage, cluster_id, form.organization)
        )
        if membership is None:
            membership = await self.storage.memberships.add(
                Membership(
                    cluster_id=cluster_id,
                    person_id=person.id,
                    role=offered,
                    joined_at=now,
                    plan_roles=[],
                )
            )
        else:
            membership.role = offered
        membership.organization_id = organization.id if organization else None
        membership.organization = organization
        membership.position = clean_name(form.position)
        for role in invite.plan_roles:
            if role not in membership.plan_roles:
                membership.plan_roles.append(role)
        person.full_name = full_name
        person.position = membership.position
        person.last_cluster_id = cluster_id
        await audit.record(
            self.storage,
            at=now,
            action="member.joined",
            entity="membership",
            entity_id=membership.id,
            actor_id=person.id,
            cluster_id=cluster_id,
            role=membership.role.value,
            invite_id=invite.id,
            organization=organization.name if organization else None,
        )
        await self.storage.session.flush()
        await self.assignments.sync(cluster_id)
        has_plan = bool(await self.storage.plans.documents_of_cluster(cluster_id))
        await self.storage.commit()
        return Joined(cluster, membership, offered, kept_role=False, cluster_has_plan=has_plan)
