"""Members of a cluster: invites with a role, joining, and the coordinator's changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from bot.clock import Clock
from bot.domain.people import UserInfo
from bot.errors import AccessDenied, InvalidInput, InviteInvalid, NotFound
from bot.services import audit
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService
from bot.services.invites import CreatedInvite, InviteService, hash_token
from bot.services.people import PeopleService
from storage.models import (
    Invite,
    InviteRole,
    MemberRole,
    Membership,
    Organization,
    Person,
    PlanRole,
)
from storage.uow import Storage

MAX_NAME = 300


@dataclass(frozen=True, slots=True)
class JoinForm:
    full_name: str
    organization: str | None
    position: str | None


def _clean(text: str | None, limit: int = MAX_NAME) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text[:limit] or None


class MemberService:
    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        people: PeopleService,
        invites: InviteService,
        assignments: AssignmentService,
        invite_ttl: timedelta,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.people = people
        self.invites = invites
        self.assignments = assignments
        self.invite_ttl = invite_ttl

    async def plan_roles(self, actor: Person, cluster_id: int) -> Sequence[PlanRole]:
        await self.access.require_coordinator(actor, cluster_id)
        return await self.storage.plans.plan_roles_of_cluster(cluster_id)

    async def organizations(self, actor: Person, cluster_id: int) -> Sequence[Organization]:
        await self.access.require_coordinator(actor, cluster_id)
        return await self.storage.organizations.of_cluster(cluster_id)

    async def _organization(self, cluster_id: int, name: str | None) -> Organization | None:
        name = _clean(name)
        if not name:
            return None
        found = await self.storage.organizations.by_name(cluster_id, name)
        if found is None:
            found = await self.storage.organizations.add(
                Organization(cluster_id=cluster_id, name=name, is_college=True)
            )
        return found

    async def create_invite(
        self,
        actor: Person,
        cluster_id: int,
        role: MemberRole,
        *,
        organization: str | None = None,
        plan_role_ids: Sequence[int] = (),
        max_uses: int = 1,
    ) -> CreatedInvite:
        await self.access.require_coordinator(actor, cluster_id)
        if not 1 <= max_uses <= 100:
            raise InvalidInput("invite-bad-uses")
        known = {r.id: r for r in await self.storage.plans.plan_roles_of_cluster(cluster_id)}
        if any(role_id not in known for role_id in plan_role_ids):
            raise NotFound("error-not-found")
        org = await self._organization(cluster_id, organization)
        return await self.invites.create(
            InviteRole(role.value),
            ttl=self.invite_ttl,
            max_uses=max_uses,
            cluster_id=cluster_id,
            organization_id=org.id if org else None,
            created_by=actor,
            plan_roles=[known[i] for i in plan_role_ids],
        )

    async def active_invites(self, actor: Person, cluster_id: int) -> Sequence[Invite]:
        await self.access.require_coordinator(actor, cluster_id)
        return await self.storage.invites.active_of_cluster(cluster_id, self.clock.now())

    async def revoke_invite(self, actor: Person, invite_id: int) -> Invite:
        invite = await self.storage.invites.get(invite_id)
        if invite is None or invite.cluster_id is None:
            raise NotFound("error-not-found")
        await self.access.require_coordinator(actor, invite.cluster_id)
        now = self.clock.now()
        invite.revoked_at = now
        await audit.record(
            self.storage,
            at=now,
            action="invite.revoked",
            entity="invite",
            entity_id=invite.id,
            actor_id=actor.id,
            cluster_id=invite.cluster_id,
        )
        await self.storage.commit()
        return invite

    async def inspect(self, token: str) -> Invite:
        """The invite behind a deep link, if it can still be used (nothing is counted yet)."""
        invite = await self.storage.invites.by_token_hash(hash_token(token))
        if invite is None or invite.cluster_id is None:
            raise InviteInvalid("invite-unknown")
        if invite.revoked_at is not None:
            raise InviteInvalid("invite-revoked")
        if invite.expires_at <= self.clock.now():
            raise InviteInvalid("invite-expired")
        if invite.used_count >= invite.max_uses:
            raise InviteInvalid("invite-used-up")
        return invite

    async def organization_of(self, invite: Invite) -> Organization | None:
        if invite.organization_id is None:
            return None
        return await self.storage.organizations.get(invite.organization_id)

    async def join(self, user: UserInfo, token: str, form: JoinForm) -> Membership:
        full_name = _clean(form.full_name)
        if not full_name or len(full_name) < 3:
            raise InvalidInput("join-bad-name")
        person = await self.people.ensure(user, private_chat=True)
        redeemed = await self.invites.claim(token, person)
        invite = redeemed.invite
        if invite.cluster_id is None:
            raise InviteInvalid("invite-unknown")
        cluster_id = invite.cluster_id
        now = self.clock.now()
        organization = (
            await self.storage.organizations.get(invite.organization_id)
            if invite.organization_id
            else await self._organization(cluster_id, form.organization)
        )
        membership = await self.storage.memberships.active(cluster_id, person.id)
        if membership is None:
            membership = await self.storage.memberships.add(
                Membership(
                    cluster_id=cluster_id,
                    person_id=person.id,
                    role=MemberRole(invite.role.value),
                    joined_at=now,
                    plan_roles=[],
                )
            )
        else:
            membership.role = MemberRole(invite.role.value)
        membership.organization_id = organization.id if organization else None
        membership.position = _clean(form.position)
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
        await self.storage.commit()
        return membership

    async def members(self, actor: Person, cluster_id: int) -> Sequence[Membership]:
        await self.access.require_coordinator(actor, cluster_id)
        return await self.storage.memberships.active_of_cluster(cluster_id)

    async def _member(self, actor: Person, membership_id: int) -> Membership:
        membership = await self.storage.memberships.get(membership_id)
        if membership is None or membership.removed_at is not None:
            raise NotFound("error-not-found")
        await self.access.require_coordinator(actor, membership.cluster_id)
        return membership

    async def change_role(self, actor: Person, membership_id: int, role: MemberRole) -> Membership:
        membership = await self._member(actor, membership_id)
        if membership.person_id == actor.id and role is not MemberRole.COORDINATOR:
            raise AccessDenied("error-cannot-demote-self")
        before = membership.role
        membership.role = role
        await audit.record(
            self.storage,
            at=self.clock.now(),
            action="member.role_changed",
            entity="membership",
            entity_id=membership.id,
            actor_id=actor.id,
            cluster_id=membership.cluster_id,
            before=before.value,
            after=role.value,
        )
        await self.assignments.sync(membership.cluster_id)
        await self.storage.commit()
        return membership

    async def remove(self, actor: Person, membership_id: int) -> Membership:
        membership = await self._member(actor, membership_id)
        if membership.person_id == actor.id:
            raise AccessDenied("error-cannot-remove-self")
        membership.removed_at = self.clock.now()
        await audit.record(
            self.storage,
            at=self.clock.now(),
            action="member.removed",
            entity="membership",
            entity_id=membership.id,
            actor_id=actor.id,
            cluster_id=membership.cluster_id,
        )
        await self.storage.commit()
        return membership
