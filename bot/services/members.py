"""Members of a cluster as its coordinator sees them: the list, a role change, removal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.clock import Clock
from bot.errors import AccessDenied, NotFound
from bot.services import audit
from bot.services.access import AccessService
from bot.services.assignments import AssignmentService
from storage.models import Cluster, MemberRole, Membership, Person
from storage.uow import Storage


@dataclass(frozen=True, slots=True)
class ClusterMembers:
    cluster: Cluster
    memberships: Sequence[Membership]


class MemberService:
    def __init__(
        self, storage: Storage, clock: Clock, access: AccessService, assignments: AssignmentService
    ) -> None:
        self.storage = storage
        self.clock = clock
        self.access = access
        self.assignments = assignments

    async def of_coordinated(self, actor: Person) -> Sequence[ClusterMembers]:
        """Members of every cluster the person coordinates."""
        clusters = await self.access.coordinated_clusters(actor)
        if not clusters:
            raise AccessDenied("error-not-coordinator")
        return [
            ClusterMembers(cluster, await self.storage.memberships.active_of_cluster(cluster.id))
            for cluster in clusters
        ]

    async def of_cluster(self, actor: Person, cluster_id: int) -> ClusterMembers:
        """Members of one cluster the person coordinates (a page of /members turned)."""
        cluster = await self.access.require_coordinator(actor, cluster_id)
        return ClusterMembers(cluster, await self.storage.memberships.active_of_cluster(cluster.id))

    async def get(self, actor: Person, membership_id: int) -> Membership:
        membership = await self.storage.memberships.get(membership_id)
        if membership is None or membership.removed_at is not None:
            raise NotFound("error-not-found")
        await self.access.require_coordinator(actor, membership.cluster_id)
        return membership

    async def _guard_last_coordinator(self, membership: Membership) -> None:
        """A cluster always keeps a coordinator: the last one is never demoted or removed."""
        if membership.role is not MemberRole.COORDINATOR:
            return
        others = [
            m
            for m in await self.storage.memberships.active_of_cluster(membership.cluster_id)
            if m.role is MemberRole.COORDINATOR and m.id != membership.id
        ]
        if not others:
            raise AccessDenied("error-last-coordinator")

    async def change_role(self, actor: Person, membership_id: int, role: MemberRole) -> Membership:
        membership = await self.get(actor, membership_id)
        if membership.person_id == actor.id and role is not MemberRole.COORDINATOR:
            raise AccessDenied("error-cannot-demote-self")
        if role is not MemberRole.COORDINATOR:
            await self._guard_last_coordinator(membership)
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
        membership = await self.get(actor, membership_id)
        if membership.person_id == actor.id:
            raise AccessDenied("error-cannot-remove-self")
        await self._guard_last_coordinator(membership)
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
