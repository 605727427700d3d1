"""Repositories: queries and adds within one session; they flush but never commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assignment,
    AssignmentStatus,
    AuditEntry,
    Cluster,
    FsmRecord,
    Invite,
    InviteUse,
    Item,
    ItemStatus,
    Membership,
    Notification,
    NotificationStatus,
    Occurrence,
    Organization,
    Person,
    PlanDocument,
    PlanRole,
    Report,
    Section,
)


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def _add(self, obj: Any) -> None:
        self.session.add(obj)
        await self.session.flush()


class PersonRepository(_Repository):
    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        result = await self.session.execute(select(Person).where(Person.telegram_id == telegram_id))
        return result.scalar_one_or_none()

    async def get(self, person_id: int) -> Person | None:
        return await self.session.get(Person, person_id)

    async def add(self, person: Person) -> Person:
        await self._add(person)
        return person


class ClusterRepository(_Repository):
    async def get(self, cluster_id: int) -> Cluster | None:
        return await self.session.get(Cluster, cluster_id)

    async def by_name(self, name: str) -> Cluster | None:
        result = await self.session.execute(select(Cluster).where(Cluster.name == name))
        return result.scalar_one_or_none()

    async def all_active(self) -> Sequence[Cluster]:
        result = await self.session.execute(
            select(Cluster).where(Cluster.archived_at.is_(None)).order_by(Cluster.name)
        )
        return result.scalars().all()

    async def add(self, cluster: Cluster) -> Cluster:
        await self._add(cluster)
        return cluster


class MembershipRepository(_Repository):
    async def active(self, cluster_id: int, person_id: int) -> Membership | None:
        result = await self.session.execute(
            select(Membership).where(
                Membership.cluster_id == cluster_id,
                Membership.person_id == person_id,
                Membership.removed_at.is_(None),
            )
        )
        return result.scalar_one_or_none()

    async def active_of_cluster(self, cluster_id: int) -> Sequence[Membership]:
        result = await self.session.execute(
            select(Membership)
            .where(Membership.cluster_id == cluster_id, Membership.removed_at.is_(None))
            .order_by(Membership.joined_at, Membership.id)
        )
        return result.scalars().all()

    async def get(self, membership_id: int) -> Membership | None:
        return await self.session.get(Membership, membership_id)

    async def add(self, membership: Membership) -> Membership:
        await self._add(membership)
        return membership

    async def active_of_person(self, person_id: int) -> Sequence[Membership]:
        result = await self.session.execute(
            select(Membership)
            .where(Membership.person_id == person_id, Membership.removed_at.is_(None))
            .order_by(Membership.joined_at)
        )
        return result.scalars().all()


class InviteRepository(_Repository):
    async def active_of_cluster(self, cluster_id: int, now: datetime) -> Sequence[Invite]:
        result = await self.session.execute(
            select(Invite)
            .where(
                Invite.cluster_id == cluster_id,
                Invite.revoked_at.is_(None),
                Invite.expires_at > now,
                Invite.used_count < Invite.max_uses,
            )
            .order_by(Invite.created_at)
        )
        return result.scalars().all()

    async def get(self, invite_id: int) -> Invite | None:
        return await self.session.get(Invite, invite_id)

    async def by_token_hash(self, token_hash: str) -> Invite | None:
        result = await self.session.execute(select(Invite).where(Invite.token_hash == token_hash))
        return result.scalar_one_or_none()

    async def add(self, invite: Invite) -> Invite:
        await self._add(invite)
        return invite

    async def claim_use(self, invite_id: int, now: datetime) -> bool:
        """Count one use atomically; False when the invite is used up, revoked or expired."""
        result = await self.session.execute(
            update(Invite)
            .where(
                Invite.id == invite_id,
                Invite.used_count < Invite.max_uses,
                Invite.revoked_at.is_(None),
                Invite.expires_at > now,
            )
            .values(used_count=Invite.used_count + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    async def was_used_by(self, invite_id: int, person_id: int) -> bool:
        result = await self.session.execute(
            select(InviteUse.id).where(
                InviteUse.invite_id == invite_id, InviteUse.person_id == person_id
            )
        )
        return result.first() is not None

    async def add_use(self, use: InviteUse) -> None:
        await self._add(use)


class AuditRepository(_Repository):
    async def add(self, entry: AuditEntry) -> None:
        await self._add(entry)

    async def for_entity(self, entity: str, entity_id: int) -> Sequence[AuditEntry]:
        result = await self.session.execute(
            select(AuditEntry)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.created_at, AuditEntry.id)
        )
        return result.scalars().all()


class FsmRepository(_Repository):
    async def get(self, key: str) -> FsmRecord | None:
        return await self.session.get(FsmRecord, key)

    async def put(self, key: str, now: datetime, **values: Any) -> None:
        record = await self.session.get(FsmRecord, key)
        if record is None:
            record = FsmRecord(key=key, state=None, data={}, updated_at=now)
            self.session.add(record)
        for name, value in values.items():
            setattr(record, name, value)
        record.updated_at = now
        await self.session.flush()


class PlanRepository(_Repository):
    """Plan documents, sections, items, occurrences and the cluster's plan roles."""

    async def documents_of_cluster(self, cluster_id: int) -> Sequence[PlanDocument]:
        result = await self.session.execute(
            select(PlanDocument)
            .where(PlanDocument.cluster_id == cluster_id)
            .order_by(PlanDocument.imported_at.desc(), PlanDocument.id.desc())
        )
        return result.scalars().all()

    async def document(self, document_id: int) -> PlanDocument | None:
        return await self.session.get(PlanDocument, document_id)

    async def items_of_document(self, document_id: int) -> Sequence[Item]:
        result = await self.session.execute(
            select(Item).where(Item.document_id == document_id).order_by(Item.position, Item.id)
        )
        return result.scalars().all()

    async def items_of_cluster(self, cluster_id: int) -> Sequence[Item]:
        result = await self.session.execute(
            select(Item)
            .where(Item.cluster_id == cluster_id)
            .order_by(Item.document_id, Item.position)
        )
        return result.scalars().all()

    async def sections_of_document(self, document_id: int) -> Sequence[Section]:
        result = await self.session.execute(
            select(Section).where(Section.document_id == document_id).order_by(Section.position)
        )
        return result.scalars().all()

    async def plan_roles_of_cluster(self, cluster_id: int) -> Sequence[PlanRole]:
        result = await self.session.execute(
            select(PlanRole).where(PlanRole.cluster_id == cluster_id).order_by(PlanRole.name)
        )
        return result.scalars().all()

    async def item(self, item_id: int) -> Item | None:
        return await self.session.get(Item, item_id)

    async def reported_occurrence_ids(self, occurrence_ids: Sequence[int]) -> set[int]:
        """Occurrences that have at least one report: their history must never be deleted."""
        if not occurrence_ids:
            return set()
        result = await self.session.execute(
            select(Assignment.occurrence_id)
            .join(Report, Report.assignment_id == Assignment.id)
            .where(Assignment.occurrence_id.in_(occurrence_ids))
            .distinct()
        )
        return set(result.scalars().all())

    def add(self, obj: Any) -> None:
        self.session.add(obj)

    def add_all(self, objects: Sequence[Any]) -> None:
        self.session.add_all(objects)

    async def delete(self, obj: Any) -> None:
        await self.session.delete(obj)

    async def flush(self) -> None:
        await self.session.flush()


class OrganizationRepository(_Repository):
    async def of_cluster(self, cluster_id: int) -> Sequence[Organization]:
        result = await self.session.execute(
            select(Organization)
            .where(Organization.cluster_id == cluster_id)
            .order_by(Organization.name)
        )
        return result.scalars().all()

    async def by_name(self, cluster_id: int, name: str) -> Organization | None:
        result = await self.session.execute(
            select(Organization).where(
                Organization.cluster_id == cluster_id, Organization.name == name
            )
        )
        return result.scalar_one_or_none()

    async def get(self, organization_id: int) -> Organization | None:
        return await self.session.get(Organization, organization_id)

    async def add(self, organization: Organization) -> Organization:
        await self._add(organization)
        return organization


class AssignmentRepository(_Repository):
    async def get(self, assignment_id: int) -> Assignment | None:
        return await self.session.get(Assignment, assignment_id)

    async def of_occurrences(self, occurrence_ids: Sequence[int]) -> Sequence[Assignment]:
        if not occurrence_ids:
            return []
        result = await self.session.execute(
            select(Assignment).where(Assignment.occurrence_id.in_(occurrence_ids))
        )
        return result.scalars().all()

    async def open_of_cluster(
        self, cluster_id: int
    ) -> Sequence[tuple[Assignment, Occurrence, Item]]:
        result = await self.session.execute(
            select(Assignment, Occurrence, Item)
            .join(Occurrence, Occurrence.id == Assignment.occurrence_id)
            .join(Item, Item.id == Occurrence.item_id)
            .where(
                Item.cluster_id == cluster_id,
                Item.status == ItemStatus.ACTIVE,
                Assignment.status.in_([AssignmentStatus.OPEN, AssignmentStatus.RETURNED]),
            )
            .order_by(Occurrence.due_date, Item.position)
        )
        return [(a, o, i) for a, o, i in result.all()]

    async def add(self, assignment: Assignment) -> None:
        self.session.add(assignment)


class ReportRepository(_Repository):
    async def get(self, report_id: int) -> Report | None:
        return await self.session.get(Report, report_id)

    async def of_assignments(self, assignment_ids: Sequence[int]) -> Sequence[Report]:
        if not assignment_ids:
            return []
        result = await self.session.execute(
            select(Report)
            .where(Report.assignment_id.in_(assignment_ids))
            .order_by(Report.created_at, Report.id)
        )
        return result.scalars().all()

    async def add(self, report: Report) -> Report:
        await self._add(report)
        return report


class NotificationRepository(_Repository):
    async def enqueue(self, notification: Notification) -> bool:
        """Add unless a row with the same dedup key exists; True when added."""
        existing = await self.session.execute(
            select(Notification.id).where(Notification.dedup_key == notification.dedup_key)
        )
        if existing.first() is not None:
            return False
        await self._add(notification)
        return True

    async def due(self, now: datetime, limit: int) -> Sequence[Notification]:
        result = await self.session.execute(
            select(Notification)
            .where(
                Notification.status == NotificationStatus.PENDING, Notification.not_before <= now
            )
            .order_by(Notification.id)
            .limit(limit)
        )
        return result.scalars().all()
