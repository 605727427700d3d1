"""Who answers for what: plan roles resolved to the people and colleges of a cluster."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from bot.clock import Clock
from storage.models import (
    Assignment,
    AssignmentMode,
    AssignmentStatus,
    Item,
    ItemStatus,
    MemberRole,
    Membership,
)
from storage.uow import Storage

Key = tuple[int, int | None, int | None]  # occurrence, plan role, organization
OPEN_STATES = (AssignmentStatus.OPEN, AssignmentStatus.RETURNED)


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
        any other role gives one assignment that every holder may answer — unless the
        coordinator chose for the item (``Item.assignment_mode``). Never commits.
        """
        items = [
            item
            for item in await self.storage.plans.items_of_cluster(cluster_id)
            if item.status is ItemStatus.ACTIVE and item.occurrences and item.plan_roles
        ]
        wanted = self._wanted(items, await self._holders(cluster_id))
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

    async def apply_mode(self, item: Item) -> None:
        """After the coordinator switched ``item.assignment_mode``: add what the new mode owes,
        reopen what it owes again, cancel the open or returned ones it no longer owes. A report
        is never lost: rows are only re-marked, never deleted; submitted and accepted ones stay
        as they are."""
        wanted = (
            self._wanted([item], await self._holders(item.cluster_id))
            if item.status is ItemStatus.ACTIVE
            else set()
        )
        now = self.clock.now()
        for assignment in await self.storage.assignments.of_occurrences(
            [o.id for o in item.occurrences]
        ):
            key = (assignment.occurrence_id, assignment.plan_role_id, assignment.organization_id)
            if key in wanted and assignment.status is AssignmentStatus.CANCELLED:
                assignment.status = AssignmentStatus.OPEN
                assignment.updated_at = now
            elif key not in wanted and assignment.status in OPEN_STATES:
                assignment.status = AssignmentStatus.CANCELLED
                assignment.updated_at = now
        await self.storage.session.flush()
        await self.sync(item.cluster_id)

    async def _holders(self, cluster_id: int) -> dict[int, list[Membership]]:
        """Plan role id → the members (not observers) who hold it."""
        holders: dict[int, list[Membership]] = defaultdict(list)
        for member in await self.storage.memberships.active_of_cluster(cluster_id):
            if member.role is MemberRole.OBSERVER:
                continue
            for role in member.plan_roles:
                holders[role.id].append(member)
        return holders

    @staticmethod
    def _wanted(items: Sequence[Item], holders: dict[int, list[Membership]]) -> set[Key]:
        wanted: set[Key] = set()
        for item in items:
            for role in item.plan_roles:
                members = holders.get(role.id, [])
                if not members:
                    continue
                per_organization = (
                    role.per_organization
                    if item.assignment_mode is None
                    else item.assignment_mode is AssignmentMode.PER_ORGANIZATION
                )
                keys: set[int | None] = (
                    {m.organization_id for m in members if m.organization_id is not None}
                    if per_organization
                    else {None}
                )
                for occurrence in item.occurrences:
                    wanted.update((occurrence.id, role.id, org) for org in keys)
        return wanted
