"""Invites: links stored as a hash, and the coordinator's dialog that makes one for a cluster."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from bot.clock import Clock
from bot.errors import AccessDenied, InvalidInput, InviteInvalid, NotFound
from bot.services import audit
from bot.services.access import AccessService
from storage.models import (
    Cluster,
    Invite,
    InviteRole,
    InviteUse,
    MemberRole,
    Organization,
    Person,
    PlanRole,
)
from storage.uow import Storage

TOKEN_BYTES = 24  # 32 URL-safe characters: within Telegram's 64-character /start payload
MAX_NAME = 300
MAX_ORGANIZATION_BUTTONS = 30


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def deep_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={token}"


def clean_name(text: str | None, limit: int = MAX_NAME) -> str | None:
    """Spaces collapsed, cut to the column's size; None for nothing."""
    if text is None:
        return None
    return " ".join(text.split())[:limit] or None


@dataclass(frozen=True, slots=True)
class CreatedInvite:
    token: str  # shown once, to the one who creates the link; only its hash is stored
    invite: Invite


class InviteTokens:
    """The links themselves: created with a role, found by token, redeemed at most max_uses."""

    def __init__(self, storage: Storage, clock: Clock) -> None:
        self.storage = storage
        self.clock = clock

    async def create(
        self,
        role: InviteRole,
        *,
        ttl: timedelta,
        max_uses: int = 1,
        cluster_id: int | None = None,
        organization_id: int | None = None,
        created_by: Person | None = None,
        plan_roles: Sequence[PlanRole] = (),
    ) -> CreatedInvite:
        if role is not InviteRole.ADMIN and cluster_id is None:
            raise InviteInvalid("invite-needs-cluster")
        if max_uses < 1:
            raise InviteInvalid("invite-bad-uses")
        now = self.clock.now()
        token = secrets.token_urlsafe(TOKEN_BYTES)
        invite = await self.storage.invites.add(
            Invite(
                token_hash=hash_token(token),
                cluster_id=cluster_id,
                role=role,
                organization_id=organization_id,
                created_by_id=created_by.id if created_by else None,
                created_at=now,
                expires_at=now + ttl,
                max_uses=max_uses,
                used_count=0,
                plan_roles=list(plan_roles),
            )
        )
        await audit.record(
            self.storage,
            at=now,
            action="invite.created",
            entity="invite",
            entity_id=invite.id,
            actor_id=created_by.id if created_by else None,
            cluster_id=cluster_id,
            role=role.value,
            max_uses=max_uses,
            expires_at=invite.expires_at.isoformat(),
        )
        await self.storage.commit()
        return CreatedInvite(token=token, invite=invite)

    async def find(self, token: str) -> Invite:
        invite = await self.storage.invites.by_token_hash(hash_token(token))
        if invite is None:
            raise InviteInvalid("invite-unknown")
        return invite

    def check_usable(self, invite: Invite) -> None:
        """Refuses a revoked, expired or used-up link (nothing is counted)."""
        if invite.revoked_at is not None:
            raise InviteInvalid("invite-revoked")
        if invite.expires_at <= self.clock.now():
            raise InviteInvalid("invite-expired")
        if invite.used_count >= invite.max_uses:
            raise InviteInvalid("invite-used-up")

    async def check_usable_by(self, invite: Invite, person: Person) -> None:
        """Refuses a link ``person`` already used, besides a revoked, expired or used-up one."""
        if await self.storage.invites.was_used_by(invite.id, person.id):
            raise InviteInvalid("invite-used-up")
        self.check_usable(invite)

    async def claim(self, invite: Invite, person: Person) -> None:
        """Count one use by ``person``. A link grants once per person: whoever used it before is
        refused, so a used link never grants anything again — not after it was revoked, not
        after what it granted was taken away.

        Does not commit: the caller applies what the invite grants, then commits once.
        """
        await self.check_usable_by(invite, person)
        now = self.clock.now()
        if not await self.storage.invites.claim_use(invite.id, now):
            raise InviteInvalid("invite-used-up")  # someone else took the last use just now
        await self.storage.invites.add_use(
            InviteUse(invite_id=invite.id, person_id=person.id, used_at=now)
        )


@dataclass(frozen=True, slots=True)
class InviteDetails:
    """What an invite offers, as both the coordinator and the invited person read it."""

    invite: Invite
    cluster: Cluster
    role: MemberRole
    organization: Organization | None
    inviter: Person | None
    plan_roles: Sequence[PlanRole]


@dataclass(frozen=True, slots=True)
class InviteDraft:
    """The coordinator's answers so far; kept in the dialog's state between presses."""

    cluster_id: int | None = None
    role: MemberRole | None = None
    organization_decided: bool = False
    organization_id: int | None = None
    organization_name: str | None = None
    plan_role_ids: tuple[int, ...] = ()
    plan_roles_decided: bool = False

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> InviteDraft:
        role = data.get("role")
        return cls(
            cluster_id=data.get("cluster_id"),
            role=MemberRole(role) if role else None,
            organization_decided=bool(data.get("organization_decided")),
            organization_id=data.get("organization_id"),
            organization_name=data.get("organization_name"),
            plan_role_ids=tuple(int(i) for i in data.get("plan_role_ids", ())),
            plan_roles_decided=bool(data.get("plan_roles_decided")),
        )

    def as_data(self) -> dict[str, Any]:
        return {
            "cluster_id": self.cluster_id,
            "role": self.role.value if self.role else None,
            "organization_decided": self.organization_decided,
            "organization_id": self.organization_id,
            "organization_name": self.organization_name,
            "plan_role_ids": list(self.plan_role_ids),
            "plan_roles_decided": self.plan_roles_decided,
        }

    def with_organization(self, organization_id: int | None, name: str | None) -> InviteDraft:
        return replace(
            self,
            organization_decided=True,
            organization_id=organization_id,
            organization_name=clean_name(name),
        )

    def toggled(self, plan_role_id: int) -> InviteDraft:
        ids = list(self.plan_role_ids)
        if plan_role_id in ids:
            ids.remove(plan_role_id)
        else:
            ids.append(plan_role_id)
        return replace(self, plan_role_ids=tuple(ids))


# The dialog's next question, or its end: each step carries the draft as the service left it.
@dataclass(frozen=True, slots=True)
class ChooseCluster:
    draft: InviteDraft
    clusters: Sequence[Cluster]


@dataclass(frozen=True, slots=True)
class ChooseRole:
    draft: InviteDraft
    cluster: Cluster


@dataclass(frozen=True, slots=True)
class ChooseOrganization:
    draft: InviteDraft
    cluster: Cluster
    organizations: Sequence[Organization]


@dataclass(frozen=True, slots=True)
class ChoosePlanRoles:
    draft: InviteDraft
    cluster: Cluster
    plan_roles: Sequence[PlanRole]


@dataclass(frozen=True, slots=True)
class InviteCreated:
    draft: InviteDraft
    token: str
    details: InviteDetails


InviteStep = ChooseCluster | ChooseRole | ChooseOrganization | ChoosePlanRoles | InviteCreated


@dataclass(frozen=True, slots=True)
class ClusterInvites:
    cluster: Cluster
    invites: Sequence[InviteDetails] = field(default_factory=tuple)


class InviteService:
    """A coordinator's invites: the dialog that makes one, the list of active ones, revoking."""

    def __init__(
        self,
        storage: Storage,
        clock: Clock,
        access: AccessService,
        tokens: InviteTokens,
        ttl: timedelta,
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.tokens = tokens
        self.ttl = ttl

    async def advance(self, actor: Person, draft: InviteDraft) -> InviteStep:
        """The next question of the /invite dialog; once everything is answered, the invite."""
        if draft.cluster_id is None:
            clusters = await self.access.coordinated_clusters(actor)
            if not clusters:
                raise AccessDenied("error-not-coordinator")
            if len(clusters) > 1:
                return ChooseCluster(draft, clusters)
            draft = replace(draft, cluster_id=clusters[0].id)
        assert draft.cluster_id is not None
        cluster = await self.access.require_coordinator(actor, draft.cluster_id)
        if draft.role is None:
            return ChooseRole(draft, cluster)
        if draft.role is MemberRole.EXECUTOR:
            if not draft.organization_decided:
                organizations = await self.storage.organizations.of_cluster(cluster.id)
                return ChooseOrganization(draft, cluster, organizations[:MAX_ORGANIZATION_BUTTONS])
            if not draft.plan_roles_decided:
                plan_roles = await self.storage.plans.plan_roles_of_cluster(cluster.id)
                if plan_roles:
                    return ChoosePlanRoles(draft, cluster, plan_roles)
        created = await self.create_invite(
            actor,
            cluster.id,
            draft.role,
            organization_id=draft.organization_id,
            organization=draft.organization_name,
            plan_role_ids=draft.plan_role_ids,
        )
        return InviteCreated(draft, created.token, await self.details(created.invite))

    async def create_invite(
        self,
        actor: Person,
        cluster_id: int,
        role: MemberRole,
        *,
        organization_id: int | None = None,
        organization: str | None = None,
        plan_role_ids: Sequence[int] = (),
        max_uses: int = 1,
    ) -> CreatedInvite:
        """An invite to ``cluster_id``, from an organization of the cluster or a new one."""
        await self.access.require_coordinator(actor, cluster_id)
        if not 1 <= max_uses <= 100:
            raise InvalidInput("invite-bad-uses")
        known = {r.id: r for r in await self.storage.plans.plan_roles_of_cluster(cluster_id)}
        if any(role_id not in known for role_id in plan_role_ids):
            raise NotFound("error-not-found")
        org = await self._organization(cluster_id, organization_id, organization)
        return await self.tokens.create(
            InviteRole(role.value),
            ttl=self.ttl,
            max_uses=max_uses,
            cluster_id=cluster_id,
            organization_id=org.id if org else None,
            created_by=actor,
            plan_roles=[known[i] for i in plan_role_ids],
        )

    async def _organization(
        self, cluster_id: int, organization_id: int | None, name: str | None
    ) -> Organization | None:
        if organization_id is not None:
            found = await self.storage.organizations.get(organization_id)
            if found is None or found.cluster_id != cluster_id:
                raise NotFound("error-not-found")
            return found
        return await organization_named(self.storage, cluster_id, name)

    async def details(self, invite: Invite) -> InviteDetails:
        if invite.cluster_id is None:
            raise InviteInvalid("invite-unknown")
        cluster = await self.storage.clusters.get(invite.cluster_id)
        if cluster is None:
            raise InviteInvalid("invite-unknown")
        return InviteDetails(
            invite=invite,
            cluster=cluster,
            role=MemberRole(invite.role.value),
            organization=await self.storage.organizations.get(invite.organization_id)
            if invite.organization_id
            else None,
            inviter=await self.storage.persons.get(invite.created_by_id)
            if invite.created_by_id
            else None,
            plan_roles=invite.plan_roles,
        )

    async def active(self, actor: Person) -> Sequence[ClusterInvites]:
        """Active invites of every cluster the person coordinates."""
        clusters = await self.access.coordinated_clusters(actor)
        if not clusters:
            raise AccessDenied("error-not-coordinator")
        now = self.clock.now()
        listed = []
        for cluster in clusters:
            organizations = {
                o.id: o for o in await self.storage.organizations.of_cluster(cluster.id)
            }
            invites = await self.storage.invites.active_of_cluster(cluster.id, now)
            listed.append(
                ClusterInvites(
                    cluster,
                    [
                        InviteDetails(
                            invite=invite,
                            cluster=cluster,
                            role=MemberRole(invite.role.value),
                            organization=organizations.get(invite.organization_id or 0),
                            inviter=None,
                            plan_roles=invite.plan_roles,
                        )
                        for invite in invites
                    ],
                )
            )
        return listed

    async def revoke(self, actor: Person, invite_id: int) -> Invite:
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


async def organization_named(
    storage: Storage, cluster_id: int, name: str | None
) -> Organization | None:
    """The cluster's organization of that name, added if new (no commit)."""
    name = clean_name(name)
    if not name:
        return None
    found = await storage.organizations.by_name(cluster_id, name)
    if found is None:
        found = await storage.organizations.add(
            Organization(cluster_id=cluster_id, name=name, is_college=True)
        )
    return found
