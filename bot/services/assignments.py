"""Who answers for what: plan roles resolved to the people and colleges of a cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bot.clock import Clock
from storage.models import (
    Assignment,
    AssignmentStatus,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
    Person,
)
from storage.uow import Storage

Key = tuple[int, int | None, int | None]  # occurrence, plan role, organization


def holds(membership: Membership, assignment: Assignment) -> bool:
    """Whether a member answers for an assignment (coordinators are checked elsewhere)."""
    if membership.removed_at is not None or membership.role is MemberRole.OBSERVER:
        return False
    if assignment.person_id is not None:
        return assignment.person_id == membership.person_id
    role_ids = {role.id for role in membership.plan_roles}
    if assignment.plan_role_id not in role_ids:
        return False
    return assignment.organization_id in (None, membership.organization_id)


class AssignmentService:
    def __init__(self, storage: Storage, clock: Clock) -> None:
        self.storage = storage
        self.clock = clock

    async def sync(self, cluster_id: int) -> int:
        """Create the assignments that active items owe to current members; returns how many.

        A role of college heads gives one assignment per college whose member holds the role;
        any other role gives one assignment that every holder may answer. Never commits.
        """
        items = [
            item
            for item in await self.storage.plans.items_of_cluster(cluster_id)
            if item.status is ItemStatus.ACTIVE and item.occurrences and item.plan_roles
        ]
        members = await self.storage.memberships.active_of_cluster(cluster_id)
        holders: dict[int, list[Membership]] = defaultdict(list)
        for member in members:
            if member.role is MemberRole.OBSERVER:
                continue
            for role in member.plan_roles:
                holders[role.id].append(member)
        wanted = self._wanted(items, holders)
        occurrence_ids = sorted({key[0] for key in wanted})
        existing = {
            (a.occurrence_id, a.plan_role_id, a.organization_id)
            for a in await self.storage.assignments.of_occurrences(occurrence_ids)
        }
        now = self.clock.now()
        created = 0
        for occurrence_id, role_id, organization_id in sorted(
            wanted - existing, key=lambda k: (k[0], k[1] or 0, k[2] or 0)
        ):
            await self.storage.assignments.add(
                Assignment(
                    occurrence_id=occurrence_id,
                    plan_role_id=role_id,
                    organization_id=organization_id,
                    status=AssignmentStatus.OPEN,
                    created_at=now,
                    updated_at=now,
                )
            )
            created += 1
        await self.storage.session.flush()
        return created

    @staticmethod
    def _wanted(items: Sequence[Item], holders: dict[int, list[Membership]]) -> set[Key]:
        wanted: set[Key] = set()
        for item in items:
            for role in item.plan_roles:
                members = holders.get(role.id, [])
                if not members:
                    continue
                keys: set[int | None] = (
                    {m.organization_id for m in members if m.organization_id is not None}
                    if role.per_organization
                    else {None}
                )
                for occurrence in item.occurrences:
                    wanted.update((occurrence.id, role.id, org) for org in keys)
        return wanted

    async def assignee_memberships(
        self, assignment: Assignment, cluster_id: int
    ) -> list[Membership]:
        members = await self.storage.memberships.active_of_cluster(cluster_id)
        return [m for m in members if holds(m, assignment)]

    async def people_answering(self, assignment: Assignment, cluster_id: int) -> list[Person]:
        return [m.person for m in await self.assignee_memberships(assignment, cluster_id)]
